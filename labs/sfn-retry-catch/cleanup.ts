import { DeleteRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import { DeleteFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda'
import { DeleteStateMachineCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn'

// Reset: remove every lab state machine, function and role (names start with sfnretry-).
const PREFIX = 'sfnretry-'
const sfn = new SFNClient({})
const lambda = new LambdaClient({})
const iam = new IAMClient({})

const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}))
for (const { name, stateMachineArn } of stateMachines.filter((m) => m.name?.startsWith(PREFIX))) {
  await sfn.send(new DeleteStateMachineCommand({ stateMachineArn }))
  console.log('removed state machine', name)
}
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
