import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { DeleteRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import {
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
} from '@aws-sdk/client-lambda'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab resource (names start with statuslab-), mappings first so no poller is left behind.
const PREFIX = 'statuslab-'
const lambda = new LambdaClient({})
const sqs = new SQSClient({})
const ddb = new DynamoDBClient({})
const iam = new IAMClient({})

const { Functions = [] } = await lambda.send(new ListFunctionsCommand({}))
for (const { FunctionName } of Functions.filter((f) => f.FunctionName?.startsWith(PREFIX))) {
  const { EventSourceMappings = [] } = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName }))
  for (const { UUID } of EventSourceMappings) await lambda.send(new DeleteEventSourceMappingCommand({ UUID }))
  await lambda.send(new DeleteFunctionCommand({ FunctionName }))
  console.log('removed function', FunctionName)
}
const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
for (const QueueUrl of QueueUrls) {
  await sqs.send(new DeleteQueueCommand({ QueueUrl }))
  console.log('removed queue', QueueUrl)
}
const { TableNames = [] } = await ddb.send(new ListTablesCommand({}))
for (const TableName of TableNames.filter((n) => n.startsWith(PREFIX))) {
  await ddb.send(new DeleteTableCommand({ TableName }))
  console.log('removed table', TableName)
}
const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  await iam.send(new DeleteRoleCommand({ RoleName }))
  console.log('removed role', RoleName)
}
