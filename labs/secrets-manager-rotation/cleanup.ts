import { DeleteRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import { DeleteFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda'
import { DeleteSecretCommand, ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'

// Reset: remove every lab secret (without the usual recovery window), rotation function and role (names start
// with rotlab-).
const PREFIX = 'rotlab-'
const sm = new SecretsManagerClient({})
const lambda = new LambdaClient({})
const iam = new IAMClient({})

const { SecretList = [] } = await sm.send(new ListSecretsCommand({ IncludePlannedDeletion: true }))
for (const { ARN, Name } of SecretList.filter((s) => s.Name?.startsWith(PREFIX))) {
  await sm.send(new DeleteSecretCommand({ SecretId: ARN, ForceDeleteWithoutRecovery: true }))
  console.log('removed secret', Name)
}
const { Functions = [] } = await lambda.send(new ListFunctionsCommand({}))
for (const { FunctionName } of Functions.filter((f) => f.FunctionName?.startsWith(PREFIX))) {
  try {
    await lambda.send(new DeleteFunctionCommand({ FunctionName }))
    console.log('removed function', FunctionName)
  } catch (error) {
    // already gone (a function whose creation failed may be listed but not deletable)
    if (!(error instanceof Error && error.name === 'ResourceNotFoundException')) throw error
  }
}
const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  await iam.send(new DeleteRoleCommand({ RoleName }))
  console.log('removed role', RoleName)
}
