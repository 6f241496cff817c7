import { DeleteRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import { DeleteFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda'

// Reset: remove every lab function (its concurrency setting goes with it) and every lab role.
const PREFIX = 'conclab-'
const lambda = new LambdaClient({})
const iam = new IAMClient({})

const { Functions = [] } = await lambda.send(new ListFunctionsCommand({}))
for (const { FunctionName } of Functions.filter((f) => f.FunctionName?.startsWith(PREFIX))) {
  await lambda.send(new DeleteFunctionCommand({ FunctionName }))
  console.log('removed function', FunctionName)
}
const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  await iam.send(new DeleteRoleCommand({ RoleName }))
  console.log('removed role', RoleName)
}
