// Lync Helpdesk Bot on Azure: an App Service (Linux, Node 20) running the bot, an Azure Bot resource
// pointing at it with the Microsoft Teams channel switched on, and (optionally) a storage account for
// shared conversation state. Deploy into a resource group:
//
//   az deployment group create -g rg-lync-helpdesk -f deploy/azure/main.bicep -p namePrefix=lynchelp
//
// Identity: UserAssignedMSI (default; a managed identity, no secret to rotate) or SingleTenant (an Entra
// app registration with a client secret). Azure no longer creates new multi-tenant bots.
// The README (Microsoft Teams and Azure) explains every parameter and the steps before and after.

@description('Short lowercase prefix for resource names (letters and digits).')
@minLength(3)
@maxLength(16)
param namePrefix string

@description('Region of the App Service and storage (the Azure Bot resource itself is global).')
param location string = resourceGroup().location

@description('How the bot proves its identity to the Bot Framework.')
@allowed(['UserAssignedMSI', 'SingleTenant'])
param identityType string = 'UserAssignedMSI'

@description('SingleTenant only: the Application (client) ID of your app registration.')
param appId string = ''

@description('SingleTenant only: a client secret of that app registration.')
@secure()
param appPassword string = ''

@description('Microsoft 365 tenants allowed to use the bot (comma-separated GUIDs). Default: this subscription\'s tenant only.')
param allowedTenants string = tenant().tenantId

@description('Conversation state: blob (Azure Storage, needed for more than one instance) or file (/home/data on the App Service).')
@allowed(['blob', 'file'])
param stateStore string = 'blob'

@description('App Service plan size. B1 is enough for a helpdesk; F1 cannot keep the bot always on.')
@allowed(['B1', 'B2', 'S1', 'P0v3', 'P1v3'])
param planSku string = 'B1'

@description('Azure Bot pricing tier. F0 is free for standard channels such as Teams.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Entra object ids (or Teams user ids) of helpdesk administrators (comma-separated).')
param helpdeskAdmins string = ''

@description('Entra object ids (or Teams user ids) of helpdesk agents (comma-separated).')
param helpdeskAgents string = ''

var siteName = '${namePrefix}-bot-${uniqueString(resourceGroup().id)}'
var publicUrl = 'https://${siteName}.azurewebsites.net'
var useManagedIdentity = identityType == 'UserAssignedMSI'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (useManagedIdentity) {
  name: '${namePrefix}-bot-identity'
  location: location
}

var botAppId = useManagedIdentity ? identity!.properties.clientId : appId

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = if (stateStore == 'blob') {
  name: take('${namePrefix}st${uniqueString(resourceGroup().id)}', 24)
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

var stateSettings = stateStore == 'blob'
  ? [
      { name: 'STATE_STORE', value: 'blob' }
      {
        name: 'AZURE_STORAGE_CONNECTION_STRING'
        value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage!.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
      }
      { name: 'AZURE_STORAGE_CONTAINER', value: 'lync-helpdesk-state' }
    ]
  : [
      { name: 'STATE_STORE', value: 'file' }
      { name: 'DATA_DIR', value: '/home/data' }
    ]

var identitySettings = useManagedIdentity
  ? [
      { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
      { name: 'MicrosoftAppId', value: botAppId }
      { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
    ]
  : [
      { name: 'MicrosoftAppType', value: 'SingleTenant' }
      { name: 'MicrosoftAppId', value: appId }
      { name: 'MicrosoftAppPassword', value: appPassword }
      { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
    ]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan'
  location: location
  kind: 'linux'
  sku: { name: planSku }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: useManagedIdentity
    ? {
        type: 'UserAssigned'
        userAssignedIdentities: { '${identity.id}': {} }
      }
    : null
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // The deployment build (SCM_DO_BUILD_DURING_DEPLOYMENT) runs npm install and npm run build.
      appCommandLine: 'node dist/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: concat(identitySettings, stateSettings, [
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'PUBLIC_URL', value: publicUrl }
        { name: 'ALLOWED_TENANTS', value: allowedTenants }
        { name: 'HELPDESK_ADMINS', value: helpdeskAdmins }
        { name: 'HELPDESK_AGENTS', value: helpdeskAgents }
        { name: 'LYNC_CHECKS', value: 'off' }
        { name: 'LOG_LEVEL', value: 'info' }
      ])
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Lync Helpdesk'
    description: 'Answers Lync / Skype for Business sign-in questions.'
    endpoint: '${publicUrl}/api/messages'
    msaAppId: botAppId
    msaAppType: identityType
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: useManagedIdentity ? identity.id : null
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('The Azure Bot\'s Microsoft App ID: set MicrosoftAppId to this when running npm run teams:package.')
output microsoftAppId string = botAppId

@description('PUBLIC_URL for npm run teams:package.')
output publicUrl string = publicUrl

@description('The messaging endpoint the Azure Bot calls.')
output messagingEndpoint string = '${publicUrl}/api/messages'

@description('The web app to deploy the code to (az webapp deploy).')
output webAppName string = site.name
