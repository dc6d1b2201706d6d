// Trygghetsuppföljning on Azure: one Function App (Flex Consumption, .NET 10 isolated) with everything it needs, signed in
// everywhere with one user-assigned managed identity, so no storage key or connection string is stored anywhere.
// Deployed by `azd up` (see azure.yaml and README "Deploy to Azure"); compiled in .ci/run with 0 warnings.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(32)
@description('azd environment name; names and tags every resource.')
param environmentName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Object id of the person running azd (gets read access to the report container and Key Vault secrets for support). Empty to skip.')
param principalId string = ''

@description('Client id of the Microsoft Entra app registration that signs staff in (README: "Register the sign-in app"). Empty: App Service Authentication stays off and every coordinator call is refused.')
param entraClientId string = ''

@description('App role a coordinator must hold (declared in infra/entra-app-roles.json).')
param coordinatorRole string = 'Samordnare'

@description('How mail leaves: Graph (Microsoft 365 shared mailbox) or Smtp.')
@allowed([ 'Graph', 'Smtp' ])
param mailTransport string = 'Graph'

@description('Sender address; with Graph also the shared mailbox that sends.')
param mailFromAddress string

@description('Display name of the sender.')
param mailFromName string = 'Trygghetsuppföljning'

@description('SMTP relay (only with mailTransport Smtp).')
param smtpHost string = ''

@description('SMTP port (587 with StartTls, 465 with SslOnConnect).')
param smtpPort int = 587

@description('SMTP protection; plain text is refused for a relay outside the app.')
@allowed([ 'StartTls', 'SslOnConnect' ])
param smtpSecurity string = 'StartTls'

@description('SMTP user name (empty: no authentication).')
param smtpUserName string = ''

@secure()
@description('SMTP password, stored in Key Vault (empty: none).')
param smtpPassword string = ''

@secure()
@description('Key that signs the form\'s anti-forgery fields; stored in Key Vault. Generated once per deployment unless given.')
param antiforgeryKey string = '${newGuid()}${newGuid()}'

@description('NCRONTAB schedule of the yearly start (default 15 January 06:00 UTC).')
param scheduleCron string = '0 0 6 15 1 *'

@description('Owners\' time to answer after a cycle starts (d.hh:mm:ss).')
param deadlineAfterStart string = '30.00:00:00'

@description('Grace period after the deadline (d.hh:mm:ss).')
param gracePeriod string = '7.00:00:00'

@description('How long personal data of a closed cycle is kept (d.hh:mm:ss; default three years).')
param retentionPeriod string = '1095.00:00:00'

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName }
var appName = 'func-trygghet-${token}'
var deploymentContainer = 'app-package'
var reportContainer = 'reports'

// Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-trygghet-${token}'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-trygghet-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-trygghet-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry is sent with the managed identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), not the instrumentation key.
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'sttrygghet${take(token, 14)}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Identity only: no account key can be used, so none can leak.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packages 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainer
}

resource reports 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: reportContainer
}

// Blob owner (durable task hub leases, deployment package, reports), queues (durable task hub), tables (the app's data and history).
var storageRoles = [ roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor ]

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  scope: storage
  name: guid(storage.id, identity.id, role)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource telemetryAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-trygghet-${take(token, 10)}'
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource antiforgerySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'forms-antiforgery-key'
  properties: { value: antiforgeryKey }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'mail-smtp-password'
  properties: { value: smtpPassword }
}

resource secretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorReportAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  scope: storage
  name: guid(storage.id, principalId, roles.storageBlobDataReader)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: principalId
    principalType: 'User'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-trygghet-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

var keyVaultReference = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName='
var appSettingsWithoutHost = {
  // Host storage (durable task hub: queues, tables, leases) through the managed identity.
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
  // The app's own tables and report archive: service URIs + identity (Storage:ConnectionString left empty on purpose).
  Storage__ConnectionString: ''
  Storage__TableServiceUri: storage.properties.primaryEndpoints.table
  Storage__BlobServiceUri: storage.properties.primaryEndpoints.blob
  Storage__ManagedIdentityClientId: identity.properties.clientId
  Storage__ReportContainer: reportContainer
  Forms__AntiforgeryKey: '${keyVaultReference}${antiforgerySecret.name})'
  Mail__Transport: mailTransport
  Mail__FromAddress: mailFromAddress
  Mail__FromName: mailFromName
  Mail__GraphMailbox: mailFromAddress
  Mail__ManagedIdentityClientId: identity.properties.clientId
  Mail__SmtpHost: smtpHost
  Mail__SmtpPort: string(smtpPort)
  Mail__SmtpSecurity: smtpSecurity
  Mail__UserName: smtpUserName
  Mail__Password: empty(smtpPassword) ? '' : '${keyVaultReference}mail-smtp-password)'
  Schedule__Cron: scheduleCron
  Schedule__DeadlineAfterStart: deadlineAfterStart
  Schedule__GracePeriod: gracePeriod
  Retention__Period: retentionPeriod
  Staff__RequiredRole: coordinatorRole
  Templates__Root: 'templates'
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
  dependsOn: [ storageAccess, secretsAccess, packages ]
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  // Owners' links are built from this address: the app's own host name unless a custom domain is added later.
  properties: union(appSettingsWithoutHost, { Forms__PublicBaseUrl: 'https://${app.properties.defaultHostName}' })
}

// Staff sign in with Microsoft Entra ID; the owners' form (the token is their credential) stays anonymous.
// The app itself still refuses any coordinator call without the role (Staff:RequiredRole), sign-in or not.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(entraClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [ '/forms/*' ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          clientId: entraClientId
        }
        validation: {
          allowedAudiences: [ 'api://${entraClientId}', entraClientId ]
        }
      }
    }
    login: {
      tokenStore: { enabled: true }
    }
  }
}

output AZURE_FUNCTION_APP_NAME string = app.name
output AZURE_FUNCTION_APP_URL string = 'https://${app.properties.defaultHostName}'
output AZURE_STORAGE_ACCOUNT string = storage.name
output AZURE_KEY_VAULT_NAME string = vault.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output AZURE_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
