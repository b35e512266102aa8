<#
    TEST-ONLY STAND-IN. This is not Lync Server and not a Microsoft module.

    It imitates the read-only Lync Server 2013 cmdlets that the helpdesk checks use, so the checks can be
    tried and tested with real PowerShell on any machine (LYNC_CHECKS=lab and the tests in test/checks).
    What it imitates:
      - the cmdlet names and their parameter sets (-Identity, -Filter, -LocalStore, Get-CsService role switches);
      - the property names of the real objects, with PSTypeNames 'Deserialized.<type>' as implicit remoting
        returns them (enums arrive as strings, no methods);
      - the error for an unknown user identity.
    The topology and policies come from a JSON file: $env:LYNC_LAB_DATA, else contoso-lab.json beside this file.
    Every call is appended as one JSON line to $env:LYNC_LAB_INVOCATION_LOG when that variable is set, so tests
    can prove which cmdlets ran and with which parameters.
    Test-only behaviour: identities listed under testOnly in the data file make Get-CsUser hang or kill its
    own PowerShell process, so timeout and crash handling can be tested against a real pwsh.
    Type names marked [unverified] are reasonable expansions of the names in the project's reference notes.
#>

Set-StrictMode -Version 2

$script:DataPath = if ($env:LYNC_LAB_DATA) { $env:LYNC_LAB_DATA } else { Join-Path $PSScriptRoot 'contoso-lab.json' }
$script:Lab = $null
$script:LabStamp = ''

# Reads the data file again whenever it changed, as a real pool's settings change between two checks
# of one long-lived session (scheduled checks notice the change).
function Sync-LabData {
    $file = Get-Item -LiteralPath $script:DataPath
    $stamp = '{0}/{1}' -f $file.LastWriteTimeUtc.Ticks, $file.Length
    if ($stamp -ne $script:LabStamp) {
        $script:Lab = Get-Content -LiteralPath $script:DataPath -Raw -Encoding UTF8 | ConvertFrom-Json
        $script:LabStamp = $stamp
    }
}
Sync-LabData

$script:TypeNames = @{
    users                      = 'Microsoft.Rtc.Management.ADConnect.Schema.ADUser'
    mobilityPolicies           = 'Microsoft.Rtc.Management.WritableConfig.Policy.Mobility.Mobility'
    clientPolicies             = 'Microsoft.Rtc.Management.WritableConfig.Policy.Client.ClientPolicy'
    presencePolicies           = 'Microsoft.Rtc.Management.WritableConfig.Policy.Presence.PresencePolicy'
    webServiceConfigurations   = 'Microsoft.Rtc.Management.WritableConfig.Web.WebServiceSettings'
    proxyConfigurations        = 'Microsoft.Rtc.Management.WritableConfig.Settings.SipProxy.ProxySettings'        # [unverified] prefix
    registrarConfigurations    = 'Microsoft.Rtc.Management.WritableConfig.Settings.Registrar.RegistrarSettings'   # [unverified] prefix
    autodiscoverConfigurations = 'Microsoft.Rtc.Management.WritableConfig.Settings.AutoDiscoverConfiguration.AutoDiscoverConfiguration' # [unverified] prefix
    oauthConfigurations        = 'Microsoft.Rtc.Management.WritableConfig.Settings.SSAuth.OAuthSettings'          # [unverified] prefix
    kerberosAccountAssignments = 'Microsoft.Rtc.Management.KerberosAccount.KerberosAccountAssignment'            # [unverified] prefix
    pools                      = 'Microsoft.Rtc.Management.Deploy.Internal.Cluster'
    sites                      = 'Microsoft.Rtc.Management.Deploy.Internal.Site+CentralSite'
    RegistrarService           = 'Microsoft.Rtc.Management.Xds.DisplayRegistrar'                              # [unverified]
    WebServerService           = 'Microsoft.Rtc.Management.Xds.DisplayWebServer'                              # [unverified]
}

# Properties every Get-CsUser object carries, $null unless the data file sets them.
$script:UserProperties = @(
    'Identity', 'DisplayName', 'SamAccountName', 'UserPrincipalName', 'SipAddress', 'Enabled', 'RegistrarPool',
    'TargetRegistrarPool', 'HostingProvider', 'HomeServer', 'EnterpriseVoiceEnabled', 'LineURI', 'EnabledForFederation',
    'EnabledForRichPresence', 'AudioVideoDisabled', 'ClientPolicy', 'MobilityPolicy', 'PresencePolicy', 'ConferencingPolicy',
    'VoicePolicy', 'ExternalAccessPolicy', 'PinPolicy', 'ArchivingPolicy', 'ClientVersionPolicy', 'LocationPolicy',
    'DialPlan', 'HostedVoicemailPolicy'
)

function Write-LabInvocation {
    param([string]$Cmdlet, [System.Collections.IDictionary]$Bound)
    if (-not $env:LYNC_LAB_INVOCATION_LOG) { return }
    $parameters = [ordered]@{}
    foreach ($key in $Bound.Keys) { $parameters[$key] = [string]$Bound[$key] }
    $line = [ordered]@{ time = (Get-Date).ToUniversalTime().ToString('o'); pid = $PID; cmdlet = $Cmdlet; parameters = $parameters } |
        ConvertTo-Json -Compress -Depth 3
    Add-Content -LiteralPath $env:LYNC_LAB_INVOCATION_LOG -Value $line -Encoding UTF8
}

function New-LabObject {
    param($Record, [string]$TypeName, [string[]]$Properties)
    $values = [ordered]@{}
    if ($Properties) { foreach ($name in $Properties) { $values[$name] = $null } }
    foreach ($property in $Record.PSObject.Properties) { $values[$property.Name] = $property.Value }
    $object = [pscustomobject]$values
    $object.PSTypeNames.Clear()
    $object.PSTypeNames.Add("Deserialized.$TypeName")
    $object.PSTypeNames.Add('Deserialized.System.Object')
    $object
}

# XDS identities are case-insensitive; 'service:' is optional in front of a role, and a bare name means a tag.
function ConvertTo-LabXdsKey {
    param([string]$Identity, [switch]$BareNameIsTag)
    $key = $Identity.Trim().ToLowerInvariant()
    if ($key.StartsWith('service:')) { $key = $key.Substring(8) }
    if ($BareNameIsTag -and $key -ne 'global' -and -not $key.Contains(':')) { $key = "tag:$key" }
    $key
}

function Select-LabXds {
    param([string]$Collection, [string]$Identity, [string]$Filter, [switch]$IsPolicy)
    $records = @($script:Lab.$Collection)
    if ($Identity) {
        $wanted = ConvertTo-LabXdsKey $Identity -BareNameIsTag:$IsPolicy
        $records = @($records | Where-Object { (ConvertTo-LabXdsKey $_.Identity) -eq $wanted })
        if ($records.Count -eq 0) {
            # [unverified] wording; the checks never depend on it (they read every instance and pick).
            $exception = New-Object System.Management.Automation.ItemNotFoundException "Cannot get `"$Identity`" because it does not exist."
            $PSCmdlet.ThrowTerminatingError((New-Object System.Management.Automation.ErrorRecord $exception, 'ObjectNotFound', 'ObjectNotFound', $Identity))
        }
    } elseif ($Filter) {
        $records = @($records | Where-Object { $_.Identity -like $Filter -or ('service:' + $_.Identity) -like $Filter })
    }
    foreach ($record in $records) { New-LabObject $record $script:TypeNames[$Collection] }
}

function Get-LabUserKeys {
    param($User)
    $keys = @($User.SipAddress, $User.UserPrincipalName, $User.SamAccountName, "CONTOSO\$($User.SamAccountName)", $User.DisplayName, $User.Identity)
    if ($User.SipAddress) { $keys += ($User.SipAddress -replace '^sip:', '') }
    $keys | Where-Object { $_ } | ForEach-Object { $_.ToLowerInvariant() }
}

function Invoke-LabTestOnlyBehaviour {
    param([string]$Identity)
    $key = $Identity.ToLowerInvariant()
    $testOnly = $script:Lab.testOnly
    if ($testOnly -and @($testOnly.hangIdentities) -contains $key) {
        Start-Sleep -Seconds 3600
    }
    if ($testOnly -and @($testOnly.crashIdentities) -contains $key) {
        [System.Diagnostics.Process]::GetCurrentProcess().Kill()
    }
}

function Get-CsUser {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param(
        [Parameter(ParameterSetName = 'Identity', Position = 0, ValueFromPipeline = $true)][string]$Identity,
        [Parameter(ParameterSetName = 'Filter')][string]$Filter,
        [Parameter(ParameterSetName = 'LdapFilter')][string]$LdapFilter,
        [string]$OU,
        [object]$ResultSize,
        [switch]$UnAssignedUser,
        [pscredential]$Credential,
        [string]$DomainController,
        [switch]$OnLyncServer,
        [switch]$OnOfficeCommunicationServer
    )
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    $users = @($script:Lab.users)
    if ($Identity) {
        Invoke-LabTestOnlyBehaviour $Identity
        $wanted = $Identity.Trim().ToLowerInvariant()
        if ($wanted.Contains('*')) {
            $users = @($users | Where-Object { $_.DisplayName -like $Identity })
        } else {
            $users = @($users | Where-Object { (Get-LabUserKeys $_) -contains $wanted })
            if ($users.Count -eq 0) {
                $exception = New-Object System.Management.Automation.RuntimeException "Management object not found for identity `"$Identity`"."
                $record = New-Object System.Management.Automation.ErrorRecord $exception, 'Identity,Microsoft.Rtc.Management.AD.Cmdlets.GetOcsUserCmdlet', 'NotSpecified', $Identity
                $PSCmdlet.ThrowTerminatingError($record)
            }
        }
    } elseif ($Filter) {
        # Only the simple form '<Property> -eq|-ne <value>' (with or without braces and quotes) is imitated.
        if ($Filter -notmatch '^\s*\{?\s*(\w+)\s+-(eq|ne)\s+[''"]?([^''"}]*)[''"]?\s*\}?\s*$') {
            throw "The lab stand-in only understands -Filter '<Property> -eq <value>'."
        }
        $property = $Matches[1]; $operator = $Matches[2]; $value = $Matches[3]
        $users = @($users | Where-Object { ([string]$_.$property -eq $value) -eq ($operator -eq 'eq') })
    } elseif ($LdapFilter) {
        throw 'The lab stand-in does not evaluate -LdapFilter.'
    }
    if ($UnAssignedUser) { $users = @($users | Where-Object { -not $_.RegistrarPool }) }
    foreach ($user in $users) { New-LabObject $user $script:TypeNames.users $script:UserProperties }
}

function Get-CsService {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param(
        [Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity,
        [Parameter(ParameterSetName = 'Filter')][string]$Filter,
        [string]$PoolFqdn,
        [switch]$Registrar, [switch]$WebServer, [switch]$UserServer, [switch]$UserDatabase, [switch]$FileStore,
        [switch]$Director, [switch]$EdgeServer, [switch]$MediationServer, [switch]$ConferencingServer,
        [switch]$ApplicationServer, [switch]$CentralManagement, [switch]$CentralManagementDatabase,
        [switch]$ArchivingServer, [switch]$MonitoringServer, [switch]$PstnGateway, [switch]$TrustedApplicationPool,
        [switch]$LocalStore
    )
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    $roleSwitches = @('Registrar', 'WebServer', 'UserServer', 'UserDatabase', 'FileStore', 'Director', 'EdgeServer',
        'MediationServer', 'ConferencingServer', 'ApplicationServer', 'CentralManagement', 'CentralManagementDatabase',
        'ArchivingServer', 'MonitoringServer', 'PstnGateway', 'TrustedApplicationPool')
    $roles = @($roleSwitches | Where-Object { $PSBoundParameters.ContainsKey($_) })
    if ($roles.Count -gt 1) { throw 'Parameter set cannot be resolved using the specified named parameters.' }
    $services = @($script:Lab.services)
    if ($roles.Count -eq 1) { $services = @($services | Where-Object { $_.Role -eq $roles[0] }) }
    if ($PoolFqdn) { $services = @($services | Where-Object { $_.PoolFqdn -eq $PoolFqdn }) }
    if ($Identity) {
        $wanted = ConvertTo-LabXdsKey $Identity
        $services = @($services | Where-Object { $_.Identity.ToLowerInvariant() -eq $wanted })
    } elseif ($Filter) {
        $services = @($services | Where-Object { $_.Identity -like $Filter })
    }
    foreach ($service in $services) { New-LabObject $service $script:TypeNames["$($service.Role)Service"] }
}

function Get-CsPool {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param(
        [Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity,
        [Parameter(ParameterSetName = 'Filter')][string]$Filter,
        [string]$Site,
        [switch]$LocalStore
    )
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    $pools = @($script:Lab.pools)
    if ($Identity) { $pools = @($pools | Where-Object { $_.Fqdn -eq $Identity }) }
    elseif ($Filter) { $pools = @($pools | Where-Object { $_.Fqdn -like $Filter }) }
    if ($Site) { $pools = @($pools | Where-Object { $_.Site -eq "Site:$Site" }) }
    foreach ($pool in $pools) { New-LabObject $pool $script:TypeNames.pools }
}

function Get-CsSite {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param(
        [Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity,
        [Parameter(ParameterSetName = 'Filter')][string]$Filter,
        [switch]$LocalStore
    )
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    $sites = @($script:Lab.sites)
    if ($Identity) { $sites = @($sites | Where-Object { $_.DisplayName -eq $Identity -or $_.Identity -eq $Identity }) }
    elseif ($Filter) { $sites = @($sites | Where-Object { $_.Identity -like $Filter -or $_.DisplayName -like $Filter }) }
    foreach ($site in $sites) { New-LabObject $site $script:TypeNames.sites }
}

# The configuration and policy getters share one shape: [[-Identity] <XdsIdentity>] | [-Filter <String>], [-LocalStore].
function Get-CsMobilityPolicy {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param([Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity, [Parameter(ParameterSetName = 'Filter')][string]$Filter, [switch]$LocalStore)
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    Select-LabXds -Collection mobilityPolicies -Identity $Identity -Filter $Filter -IsPolicy
}

function Get-CsClientPolicy {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param([Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity, [Parameter(ParameterSetName = 'Filter')][string]$Filter, [switch]$LocalStore)
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    Select-LabXds -Collection clientPolicies -Identity $Identity -Filter $Filter -IsPolicy
}

function Get-CsPresencePolicy {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param([Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity, [Parameter(ParameterSetName = 'Filter')][string]$Filter, [switch]$LocalStore)
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    Select-LabXds -Collection presencePolicies -Identity $Identity -Filter $Filter -IsPolicy
}

function Get-CsWebServiceConfiguration {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param([Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity, [Parameter(ParameterSetName = 'Filter')][string]$Filter, [switch]$LocalStore)
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    Select-LabXds -Collection webServiceConfigurations -Identity $Identity -Filter $Filter
}

function Get-CsProxyConfiguration {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param([Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity, [Parameter(ParameterSetName = 'Filter')][string]$Filter, [switch]$LocalStore)
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    Select-LabXds -Collection proxyConfigurations -Identity $Identity -Filter $Filter
}

function Get-CsRegistrarConfiguration {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param([Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity, [Parameter(ParameterSetName = 'Filter')][string]$Filter, [switch]$LocalStore)
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    Select-LabXds -Collection registrarConfigurations -Identity $Identity -Filter $Filter
}

function Get-CsAutodiscoverConfiguration {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param([Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity, [Parameter(ParameterSetName = 'Filter')][string]$Filter, [switch]$LocalStore)
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    Select-LabXds -Collection autodiscoverConfigurations -Identity $Identity -Filter $Filter
}

function Get-CsOAuthConfiguration {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param([Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity, [Parameter(ParameterSetName = 'Filter')][string]$Filter, [switch]$LocalStore)
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    Select-LabXds -Collection oauthConfigurations -Identity $Identity -Filter $Filter
}

function Get-CsKerberosAccountAssignment {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param([Parameter(ParameterSetName = 'Identity', Position = 0)][string]$Identity, [Parameter(ParameterSetName = 'Filter')][string]$Filter, [switch]$LocalStore)
    Write-LabInvocation $MyInvocation.MyCommand.Name $PSBoundParameters
    Sync-LabData
    Select-LabXds -Collection kerberosAccountAssignments -Identity $Identity -Filter $Filter
}

Export-ModuleMember -Function @(
    'Get-CsUser', 'Get-CsService', 'Get-CsPool', 'Get-CsSite', 'Get-CsMobilityPolicy', 'Get-CsClientPolicy',
    'Get-CsPresencePolicy', 'Get-CsWebServiceConfiguration', 'Get-CsProxyConfiguration', 'Get-CsRegistrarConfiguration',
    'Get-CsAutodiscoverConfiguration', 'Get-CsOAuthConfiguration', 'Get-CsKerberosAccountAssignment'
)
