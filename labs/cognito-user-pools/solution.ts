import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { Buffer } from 'node:buffer'

const cognito = new CognitoIdentityProviderClient({})
// every lab user pool starts with this prefix, which is how the check and the clean-up find them
const PoolName = `cognitolab-${Date.now()}`

// Step 1: the user pool enforces the password policy on every password it stores.
const { UserPool } = await cognito.send(
  new CreateUserPoolCommand({
    PoolName,
    Policies: {
      PasswordPolicy: {
        MinimumLength: 12,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      },
    },
  }),
)
const UserPoolId = UserPool?.Id
console.log('user pool', UserPoolId, 'password policy', UserPool?.Policies?.PasswordPolicy)

// Step 2: each front end is an app client with its own allowed sign-in flows. A back end that signs users in with
// IAM credentials uses the admin flow; the refresh flow renews tokens without the password.
const { UserPoolClient } = await cognito.send(
  new CreateUserPoolClientCommand({
    UserPoolId,
    ClientName: 'web',
    ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }),
)
const ClientId = UserPoolClient?.ClientId

// Step 3: an administrator creates the user; a permanent password confirms her (otherwise she would have to change
// a temporary password at her first sign-in).
const Username = 'ada'
await cognito.send(
  new AdminCreateUserCommand({
    UserPoolId,
    Username,
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: 'ada@example.com' },
      { Name: 'email_verified', Value: 'true' },
    ],
  }),
)
try {
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: 'ada12345', Permanent: true }))
} catch (error) {
  console.log('weak password refused:', error instanceof Error ? error.name : error)
}
const Password = 'Analytical-Engine-1843'
await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password, Permanent: true }))

// Step 4: groups end up as claims in the tokens, so an API can authorise by group without asking Cognito.
await cognito.send(new CreateGroupCommand({ UserPoolId, GroupName: 'editors', Description: 'May edit articles' }))
await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: 'editors' }))
const { AuthenticationResult } = await cognito.send(
  new AdminInitiateAuthCommand({
    UserPoolId,
    ClientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: Username, PASSWORD: Password },
  }),
)
console.log(
  'tokens:',
  Object.keys(AuthenticationResult ?? {}).filter((k) => k.endsWith('Token')),
)
// A JWT is header.payload.signature; the payload is base64url-encoded JSON.
const claims = JSON.parse(Buffer.from(AuthenticationResult?.IdToken?.split('.')[1] ?? '', 'base64url').toString())
console.log('ID token for', claims['cognito:username'] ?? claims.sub, 'groups', claims['cognito:groups'])
