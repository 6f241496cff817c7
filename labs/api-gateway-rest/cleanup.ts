import { APIGatewayClient, DeleteRestApiCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway'
import { DeleteRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import { DeleteFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda'

// Reset: remove every lab REST API (with its resources, stages and deployments), function and role.
const PREFIX = 'apilab-'
const apigw = new APIGatewayClient({})
const lambda = new LambdaClient({})
const iam = new IAMClient({})

const { items = [] } = await apigw.send(new GetRestApisCommand({ limit: 500 }))
for (const { id, name } of items.filter((a) => a.name?.startsWith(PREFIX))) {
  await apigw.send(new DeleteRestApiCommand({ restApiId: id }))
  console.log('removed REST API', name)
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
