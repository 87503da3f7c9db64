// FlywheelBot on Azure: a Teams (and Slack) bot whose only identity is a user-assigned managed identity, on Linux App
// Service, with PostgreSQL (Entra authentication, no password), Key Vault for the Slack secrets and Application
// Insights. No secret appears in this template, its parameters or its outputs.
//   azd up                      (azure.yaml at the repository root; parameters from main.parameters.json)
//   az deployment group create -g <group> -f infra/main.bicep -p environmentName=<name> principalId=<your object id>

targetScope = 'resourceGroup'

@minLength(2)
@maxLength(20)
@description('Short name of this deployment (azd environment name); part of every resource name.')
param environmentName string

@description('Region of every resource except the bot registration (which is global).')
param location string = resourceGroup().location

@description('Object id of the person or pipeline deploying: gets Key Vault Secrets Officer to put the Slack secrets in. Empty: none.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('App Service plan SKU. B1 is the cheapest with Always On; scale-out across instances needs B1 or above.')
param appServiceSku string = 'B1'

@minValue(1)
@maxValue(30)
@description('Instances of the web app. Two or more let App Service route around an unhealthy instance (state is in PostgreSQL).')
param instanceCount int = 1

@allowed(['F0', 'S1'])
@description('Azure Bot SKU: F0 is free (standard channels such as Teams are free on both).')
param botSku string = 'F0'

@description('PostgreSQL compute SKU; Standard_B1ms (Burstable) is the cheapest.')
param postgresSku string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'

@minValue(32)
param postgresStorageGB int = 32

@allowed(['14', '15', '16', '17'])
param postgresVersion string = '16'

@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@secure()
@minLength(15)
@description('The secret the bot\'s Data Protection key ring (which encrypts the Slack tokens) is sealed with, kept in Key Vault as dataprotection-key-ring-key. azd passes the vault\'s copy back on every run (secretOrRandomPassword), or a new random one on the first.')
param keyRingKey string

@allowed(['none', 'single-workspace', 'distribution'])
@description('Slack: none; single-workspace (Key Vault secrets slack-signing-secret, slack-bot-token); distribution, any workspace installs it (slack-signing-secret, slack-client-id, slack-client-secret). Create the secrets first.')
param slack string = 'none'

@description('Display name of the bot in Teams and the Azure portal.')
param botDisplayName string = 'FlywheelBot'

var suffix = take(uniqueString(subscription().id, resourceGroup().id, environmentName), 8)
var name = toLower('${environmentName}-${suffix}')
var tags = {
  'azd-env-name': environmentName
  app: 'flywheelbot'
}
var databaseName = 'flywheel'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${name}'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: 'log-${name}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: take('kv-${replace(name, '-', '')}', 24)
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource botReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(vault.id, principalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: principalId
    principalType: principalType
  }
}

// Written by every deployment with the value azd read back from this vault, so it stays the same once made.
resource keyRingKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'dataprotection-key-ring-key'
  properties: {
    value: keyRingKey
    contentType: 'DataProtection:KeyRingKey'
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    serverName: 'psql-${name}'
    location: location
    skuName: postgresSku
    skuTier: postgresTier
    storageSizeGB: postgresStorageGB
    version: postgresVersion
    databaseName: databaseName
    administratorObjectId: identity.properties.principalId
    administratorName: identity.name
    tags: tags
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: 'app-${name}'
  location: location
  tags: union(tags, { 'azd-service-name': 'bot' })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      // bot/startup.sh, published beside the app: starts the Native AOT executable (a publish made on Linux) or, from a
      // ReadyToRun publish made elsewhere, FlywheelBot.dll. The .NET stack stays for the latter.
      appCommandLine: 'sh /home/site/wwwroot/startup.sh'
      alwaysOn: true
      // The bot's readiness path (bot/Hosting/HealthServices.cs): 503 until storage is reachable and migrated.
      healthCheckPath: '/healthz/ready'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

// Deployments sign in with Entra (azd, az webapp deploy), never with publishing passwords.
resource noFtpPassword 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource noScmPassword 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Every name is a setting the bot reads (a colon is a double underscore on Linux); Slack values are Key Vault
// references resolved by App Service with the identity, empty when that Slack mode does not use them.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  dependsOn: [
    botReadsSecrets
  ]
  properties: {
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppId: identity.properties.clientId
    MicrosoftAppTenantId: tenant().tenantId
    Storage__Provider: 'Postgres'
    Storage__ConnectionString: 'Host=${postgres.outputs.host};Database=${postgres.outputs.databaseName};Username=${identity.name};SSL Mode=VerifyFull'
    Storage__ManagedIdentityClientId: identity.properties.clientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    Hosting__PublicUrl: 'https://${site.properties.defaultHostName}'
    Slack__SigningSecret: slack == 'none' ? '' : secretReference(vault.properties.vaultUri, 'slack-signing-secret')
    Slack__BotToken: slack == 'single-workspace' ? secretReference(vault.properties.vaultUri, 'slack-bot-token') : ''
    Slack__ClientId: slack == 'distribution' ? secretReference(vault.properties.vaultUri, 'slack-client-id') : ''
    Slack__ClientSecret: slack == 'distribution' ? secretReference(vault.properties.vaultUri, 'slack-client-secret') : ''
    DataProtection__KeyRingKey: secretReference(vault.properties.vaultUri, keyRingKeySecret.name)
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${name}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: identity.id
    publicNetworkAccess: 'Enabled'
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
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
      enableCalling: false
    }
  }
}

@description('A Key Vault reference App Service resolves with keyVaultReferenceIdentity (latest version of the secret).')
func secretReference(vaultUri string, secretName string) string => '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

@description('The bot\'s public address.')
output APP_URL string = 'https://${site.properties.defaultHostName}'

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): pass it to teams-package --bot-id.')
output BOT_APP_ID string = identity.properties.clientId

output AZURE_KEY_VAULT_NAME string = vault.name
output POSTGRES_HOST string = postgres.outputs.host
output WEB_APP_NAME string = site.name
