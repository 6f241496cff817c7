import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { DeleteRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import {
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
} from '@aws-sdk/client-lambda'
import { DeleteStreamCommand, KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab resource (names start with shedlab-), mappings first so no poller is left behind.
const PREFIX = 'shedlab-'
const lambda = new LambdaClient({})
const sqs = new SQSClient({})
const ddb = new DynamoDBClient({})
const iam = new IAMClient({})
const kinesis = new KinesisClient({})

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
const { StreamNames = [] } = await kinesis.send(new ListStreamsCommand({}))
for (const StreamName of StreamNames.filter((n) => n.startsWith(PREFIX))) {
  await kinesis.send(new DeleteStreamCommand({ StreamName, EnforceConsumerDeletion: true }))
  console.log('removed stream', StreamName)
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
