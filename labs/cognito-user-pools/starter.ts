import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider'

const cognito = new CognitoIdentityProviderClient({})
// every lab user pool starts with this prefix, which is how the check and the clean-up find them
const PoolName = `cognitolab-${Date.now()}`

// TODO (step 1): require passwords of at least 12 characters with uppercase and lowercase letters, numbers and
//                symbols (Policies.PasswordPolicy).
const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName }))
const UserPoolId = UserPool?.Id
console.log('user pool', UserPoolId, 'password policy', UserPool?.Policies?.PasswordPolicy)

// TODO (step 2): register the web app as an app client named "web" (CreateUserPoolClientCommand) that allows the
//                ALLOW_ADMIN_USER_PASSWORD_AUTH and ALLOW_REFRESH_TOKEN_AUTH flows.

// TODO (step 3): create the user "ada" (AdminCreateUserCommand, MessageAction SUPPRESS, email ada@example.com) and
//                give her a permanent password that meets the policy (AdminSetUserPasswordCommand).

// TODO (step 4): create the group "editors", add ada to it, sign her in with AdminInitiateAuthCommand
//                (AuthFlow ADMIN_USER_PASSWORD_AUTH) and print the groups in her ID token.
