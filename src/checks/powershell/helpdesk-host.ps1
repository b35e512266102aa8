<#
    Helpdesk checks: the fixed script loaded into the long-lived PowerShell process.

    Why it looks like this:
      - The bot never sends script text built from user input. It only calls the two functions below, each
        with one base64 string (base64 has no quotes, spaces or operators), which they decode as JSON data.
      - The Lync cmdlets do not run in this (full language) session. They run in a second runspace that is
        locked down after setup: every command except the allowlisted Get-Cs* cmdlets is made private, no
        external programs or scripts are allowed, and the language mode is NoLanguage, so the runspace can
        run one allowlisted command with parameters and nothing else.
      - Commands are added with AddCommand/AddParameter, never parsed from text, so a parameter value is
        always a value (an identity such as "bob'; Remove-Item x" is just a name that does not exist).
      - The allowlist is written out here a second time on purpose, so a mistake on the Node side alone
        cannot widen what runs.
    Written for Windows PowerShell 3+ and PowerShell 7 (local mode on a Lync server may use powershell.exe).
#>

$ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false } catch { }

# Cmdlet name -> parameters it may get -> kind ('String' or 'Switch'). Keep equal to src/checks/powershell/allowlist.ts.
$script:HelpdeskAllowlist = @{
    'Get-CsUser'                      = @{ 'Identity' = 'String' }
    'Get-CsService'                   = @{ 'Registrar' = 'Switch'; 'WebServer' = 'Switch' }
    'Get-CsMobilityPolicy'            = @{}
    'Get-CsClientPolicy'              = @{}
    'Get-CsPresencePolicy'            = @{}
    'Get-CsWebServiceConfiguration'   = @{}
    'Get-CsProxyConfiguration'        = @{}
    'Get-CsRegistrarConfiguration'    = @{}
    'Get-CsAutodiscoverConfiguration' = @{}
    'Get-CsOAuthConfiguration'        = @{}
    'Get-CsKerberosAccountAssignment' = @{}
}
$script:HelpdeskMaxValueLength = 1024
$script:HelpdeskMaxCalls = 32
$script:HelpdeskRunspace = $null
$script:HelpdeskMode = $null

function ConvertFrom-HelpdeskBase64Json {
    param([string]$Base64)
    if ($Base64 -notmatch '^[A-Za-z0-9+/=]*$') { throw 'request is not base64' }
    $json = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($Base64))
    ConvertFrom-Json -InputObject $json
}

function Write-HelpdeskJson {
    param($Value)
    [Console]::Out.WriteLine((ConvertTo-Json -InputObject $Value -Depth 6 -Compress))
}

function Get-HelpdeskErrorInfo {
    param($Failure)
    $record = $null
    if ($Failure -is [System.Management.Automation.ErrorRecord]) { $record = $Failure; $Failure = $Failure.Exception }
    while ($Failure -is [System.Management.Automation.MethodInvocationException] -and $Failure.InnerException) { $Failure = $Failure.InnerException }
    if ($Failure -is [System.Management.Automation.IContainsErrorRecord]) { $record = $Failure.ErrorRecord }
    $message = if ($record -and $record.Exception) { $record.Exception.Message } else { $Failure.Message }
    $info = [ordered]@{ message = [string]$message; errorId = $null; category = $null; exceptionType = $Failure.GetType().FullName }
    if ($record) {
        $info.errorId = [string]$record.FullyQualifiedErrorId
        $info.category = [string]$record.CategoryInfo.Category
    }
    $info
}

# Flattens one result object the way remoting does at its default depth: scalars stay, enums and
# nested objects become their text, collections become lists of text. The same shape comes back in
# lab, local and remote mode, whatever the cmdlet's real .NET types are.
function ConvertTo-HelpdeskScalar {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Management.Automation.PSObject]) { $Value = $Value.PSObject.BaseObject }
    if ($Value -is [string] -or $Value -is [bool]) { return $Value }
    if ($Value -is [enum]) { return $Value.ToString() }
    if ($Value -is [datetime]) { return $Value.ToUniversalTime().ToString('o') }
    if ($Value -is [int16] -or $Value -is [int32] -or $Value -is [int64] -or $Value -is [uint16] -or $Value -is [uint32] -or
        $Value -is [uint64] -or $Value -is [byte] -or $Value -is [double] -or $Value -is [single] -or $Value -is [decimal]) { return $Value }
    [string]$Value
}

function ConvertTo-HelpdeskPlain {
    param($InputObject)
    $plain = [ordered]@{}
    foreach ($property in $InputObject.PSObject.Properties) {
        $value = $null
        try { $value = $property.Value } catch { $value = $null }
        if ($value -is [System.Management.Automation.PSObject] -and $value.PSObject.BaseObject -is [System.Collections.IEnumerable] -and
            $value.PSObject.BaseObject -isnot [string]) { $value = $value.PSObject.BaseObject }
        if ($value -is [System.Collections.IEnumerable] -and $value -isnot [string]) {
            $items = New-Object System.Collections.ArrayList
            foreach ($item in $value) {
                if ($items.Count -ge 100) { break }
                [void]$items.Add((ConvertTo-HelpdeskScalar $item))
            }
            $plain[$property.Name] = $items.ToArray()
        } else {
            $plain[$property.Name] = ConvertTo-HelpdeskScalar $value
        }
    }
    $plain
}

function Initialize-HelpdeskSession {
    param([string]$ConfigBase64)
    try {
        $config = ConvertFrom-HelpdeskBase64Json $ConfigBase64
        if (@('lab', 'local', 'remote') -notcontains $config.mode) { throw "unknown mode '$($config.mode)'" }
        $allowed = @($script:HelpdeskAllowlist.Keys)

        $state = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
        if ($config.mode -eq 'lab' -and $env:OS -eq 'Windows_NT') {
            # The unsigned stand-in module must load on Windows; execution policy does not exist elsewhere.
            $state.ExecutionPolicy = 'Bypass'
        }
        $runspace = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace($state)
        $runspace.Open()
        # No external programs and no script files, whatever is on the PATH.
        $runspace.SessionStateProxy.Applications.Clear()
        $runspace.SessionStateProxy.Scripts.Clear()

        # Setup runs once in full language with fixed text; the values reach it as parameters.
        $setup = {
            param($Mode, $LabModulePath, $Remote, $Allowed)
            $ErrorActionPreference = 'Stop'
            if ($Mode -eq 'lab') {
                Import-Module -Name $LabModulePath -DisableNameChecking
            } elseif ($Mode -eq 'local') {
                $module = $null
                foreach ($name in @('SkypeForBusiness', 'Lync')) {
                    if (Get-Module -ListAvailable -Name $name) { $module = $name; break }
                }
                if (-not $module) { throw 'Neither the Lync nor the SkypeForBusiness module is installed on this computer.' }
                Import-Module -Name $module -DisableNameChecking
            } else {
                $skip = [bool]$Remote.skipCertificateChecks
                # PowerShell 7 on Linux and macOS has no -SkipRevocationCheck: pass only what this
                # PowerShell's New-PSSessionOption takes, so the session fails (if it does) on the connection.
                $supported = (Get-Command -Name New-PSSessionOption).Parameters
                $optionArguments = @{}
                foreach ($name in @('SkipCACheck', 'SkipCNCheck', 'SkipRevocationCheck')) {
                    if ($supported.ContainsKey($name)) { $optionArguments[$name] = $skip }
                }
                $options = New-PSSessionOption @optionArguments
                $connect = @{ ConnectionUri = $Remote.connectionUri; SessionOption = $options }
                if ($Remote.authentication) { $connect.Authentication = $Remote.authentication }
                if ($env:LYNC_REMOTE_USER) {
                    $secret = ConvertTo-SecureString -String ([string]$env:LYNC_REMOTE_PASSWORD) -AsPlainText -Force
                    $connect.Credential = New-Object System.Management.Automation.PSCredential ($env:LYNC_REMOTE_USER, $secret)
                }
                Remove-Item -Path Env:LYNC_REMOTE_PASSWORD -ErrorAction SilentlyContinue
                try {
                    $session = New-PSSession @connect
                } catch {
                    throw "could not open a remote PowerShell session to $($Remote.connectionUri): $($_.Exception.Message)"
                }
                Import-PSSession -Session $session -CommandName $Allowed -AllowClobber -DisableNameChecking | Out-Null
            }
            foreach ($command in @(Get-Command -CommandType Alias, Function, Filter, Cmdlet, ExternalScript, Application -ErrorAction SilentlyContinue)) {
                if ($Allowed -notcontains $command.Name) { $command.Visibility = 'Private' }
            }
            $ExecutionContext.SessionState.LanguageMode = 'NoLanguage'
        }
        $shell = [System.Management.Automation.PowerShell]::Create()
        $shell.Runspace = $runspace
        [void]$shell.AddScript($setup.ToString()).AddArgument([string]$config.mode).AddArgument([string]$config.labModulePath).AddArgument($config.remote).AddArgument($allowed)
        [void]$shell.Invoke()
        if ($shell.Streams.Error.Count -gt 0) { throw $shell.Streams.Error[0] }
        $shell.Dispose()

        $visible = @($runspace.SessionStateProxy.InvokeCommand.GetCommands('*', 'All', $true) |
            Where-Object { $_.Visibility -eq 'Public' } | ForEach-Object { $_.Name } | Sort-Object -Unique)
        $script:HelpdeskRunspace = $runspace
        $script:HelpdeskMode = $config.mode
        Write-HelpdeskJson ([ordered]@{
            ok              = $true
            processId       = $PID
            psVersion       = $PSVersionTable.PSVersion.ToString()
            psEdition       = [string]$PSVersionTable.PSEdition
            mode            = $config.mode
            languageMode    = [string]$runspace.SessionStateProxy.LanguageMode
            visibleCommands = $visible
        })
    } catch {
        Write-HelpdeskJson ([ordered]@{ ok = $false; error = (Get-HelpdeskErrorInfo $_) })
    }
}

function Find-HelpdeskAllowedName {
    param([string]$Name, $Table)
    foreach ($key in $Table.Keys) { if ($key -eq $Name) { return $key } }
    $null
}

function Invoke-HelpdeskCall {
    param($Call)
    $cmdlet = Find-HelpdeskAllowedName ([string]$Call.cmdlet) $script:HelpdeskAllowlist
    if (-not $cmdlet) { throw "refused: '$($Call.cmdlet)' is not an allowlisted cmdlet" }
    $allowedParameters = $script:HelpdeskAllowlist[$cmdlet]
    $shell = [System.Management.Automation.PowerShell]::Create()
    try {
        $shell.Runspace = $script:HelpdeskRunspace
        [void]$shell.AddCommand($cmdlet)
        if ($Call.parameters) {
            foreach ($parameter in $Call.parameters.PSObject.Properties) {
                $name = Find-HelpdeskAllowedName $parameter.Name $allowedParameters
                if (-not $name) { throw "refused: parameter '$($parameter.Name)' is not allowed for $cmdlet" }
                $value = $parameter.Value
                if ($allowedParameters[$name] -eq 'Switch') {
                    if ($value -isnot [bool]) { throw "refused: -$name takes true or false" }
                    if ($value) { [void]$shell.AddParameter($name) }
                } else {
                    if ($value -isnot [string] -or $value.Length -eq 0 -or $value.Length -gt $script:HelpdeskMaxValueLength) {
                        throw "refused: -$name needs a text value of 1 to $($script:HelpdeskMaxValueLength) characters"
                    }
                    # Get-Cs* cmdlets expand wildcards in identities: '*' would list every user. The Node side
                    # refuses them first; this is the second guard.
                    if ($value.IndexOfAny([char[]]@('*', '?', '[')) -ge 0) {
                        throw "refused: -$name may not contain wildcards (*, ? or [)"
                    }
                    [void]$shell.AddParameter($name, $value)
                }
            }
        }
        $output = $shell.Invoke()
        if ($shell.Streams.Error.Count -gt 0) {
            return [ordered]@{ cmdlet = $cmdlet; ok = $false; error = (Get-HelpdeskErrorInfo $shell.Streams.Error[0]) }
        }
        $data = New-Object System.Collections.ArrayList
        foreach ($item in $output) { if ($null -ne $item) { [void]$data.Add((ConvertTo-HelpdeskPlain $item)) } }
        [ordered]@{ cmdlet = $cmdlet; ok = $true; data = $data.ToArray() }
    } finally {
        $shell.Dispose()
    }
}

function Invoke-HelpdeskBatch {
    param([string]$RequestBase64)
    try {
        if (-not $script:HelpdeskRunspace) { throw 'the session is not initialised' }
        $request = ConvertFrom-HelpdeskBase64Json $RequestBase64
        $calls = @($request.calls)
        if ($calls.Count -eq 0 -or $calls.Count -gt $script:HelpdeskMaxCalls) { throw "a batch holds 1 to $($script:HelpdeskMaxCalls) calls" }
        $results = New-Object System.Collections.ArrayList
        foreach ($call in $calls) {
            try {
                [void]$results.Add((Invoke-HelpdeskCall $call))
            } catch {
                $info = Get-HelpdeskErrorInfo $_
                [void]$results.Add([ordered]@{ cmdlet = [string]$call.cmdlet; ok = $false; refused = $info.message.StartsWith('refused:'); error = $info })
            }
        }
        Write-HelpdeskJson ([ordered]@{ ok = $true; results = $results.ToArray() })
    } catch {
        Write-HelpdeskJson ([ordered]@{ ok = $false; error = (Get-HelpdeskErrorInfo $_) })
    }
}

function Get-HelpdeskAllowlist {
    $list = [ordered]@{}
    foreach ($name in ($script:HelpdeskAllowlist.Keys | Sort-Object)) {
        $parameters = [ordered]@{}
        foreach ($parameter in ($script:HelpdeskAllowlist[$name].Keys | Sort-Object)) { $parameters[$parameter] = $script:HelpdeskAllowlist[$name][$parameter] }
        $list[$name] = $parameters
    }
    Write-HelpdeskJson $list
}
