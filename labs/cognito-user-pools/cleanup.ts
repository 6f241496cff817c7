import {
  CognitoIdentityProviderClient,
  DeleteUserPoolCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider'

// Reset: remove every lab user pool; its app clients, users and groups go with it.
const cognito = new CognitoIdentityProviderClient({})
const { UserPools = [] } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))
for (const { Id, Name } of UserPools.filter((p) => p.Name?.startsWith('cognitolab-'))) {
  await cognito.send(new DeleteUserPoolCommand({ UserPoolId: Id }))
  console.log('removed user pool', Name)
}
