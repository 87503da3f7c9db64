// Azure Database for PostgreSQL flexible server with Entra authentication only (no password), the bot's database,
// and the bot's managed identity as its Entra administrator. A module of its own because the administrator is named
// by the identity's object id, which is known only once the identity exists (BCP120 in one file).

@description('Server name (globally unique, lower case).')
param serverName string

param location string

@description('Compute SKU, e.g. Standard_B1ms (Burstable, the cheapest).')
param skuName string

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param skuTier string

@minValue(32)
param storageSizeGB int

@allowed(['14', '15', '16', '17'])
param version string

param databaseName string

@description('Object (principal) id of the managed identity that becomes the Entra administrator.')
param administratorObjectId string

@description('Name of that identity: the PostgreSQL role name it signs in with.')
param administratorName string

param tags object = {}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    storage: {
      storageSizeGB: storageSizeGB
    }
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
  }
}

// 0.0.0.0-0.0.0.0 is Azure's "allow Azure services": App Service outbound addresses without a VNet.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

resource administrator 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2025-08-01' = {
  parent: server
  name: administratorObjectId
  dependsOn: [
    database
    allowAzure
  ]
  properties: {
    principalType: 'ServicePrincipal'
    principalName: administratorName
    tenantId: tenant().tenantId
  }
}

output host string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
