import { DeleteRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import { DeleteFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab function (with its invoke configuration), queue and role.
const PREFIX = 'invokelab-'
const lambda = new LambdaClient({})
const sqs = new SQSClient({})
const iam = new IAMClient({})

const { Functions = [] } = await lambda.send(new ListFunctionsCommand({}))
for (const { FunctionName } of Functions.filter((f) => f.FunctionName?.startsWith(PREFIX))) {
  await lambda.send(new DeleteFunctionCommand({ FunctionName }))
  console.log('removed function', FunctionName)
}
const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
for (const QueueUrl of QueueUrls) {
  await sqs.send(new DeleteQueueCommand({ QueueUrl }))
  console.log('removed queue', QueueUrl)
}
const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  await iam.send(new DeleteRoleCommand({ RoleName }))
  console.log('removed role', RoleName)
}
