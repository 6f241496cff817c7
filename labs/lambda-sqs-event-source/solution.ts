import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb'
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  LambdaClient,
  waitUntilFunctionActiveV2,
} from '@aws-sdk/client-lambda'
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs'
import { setTimeout as sleep } from 'node:timers/promises'
import { crc32 } from 'node:zlib'
// A ZIP archive with one uncompressed file: enough for a one-file handler (a build tool does this in a real project).
function zipOneFile(name: string, source: string): Buffer {
  const data = Buffer.from(source)
  const fileName = Buffer.from(name)
  const crc = crc32(data)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(fileName.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(fileName.length, 28)
  central.writeUInt32LE((0o100644 << 16) >>> 0, 38)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + fileName.length, 12)
  end.writeUInt32LE(local.length + fileName.length + data.length, 16)
  return Buffer.concat([local, fileName, data, central, fileName, end])
}
const ddb = new DynamoDBClient({})
const iam = new IAMClient({})
const lambda = new LambdaClient({})
const sqs = new SQSClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `esmlab-${Date.now()}`
const FunctionName = `${id}-worker`

// The worker records every order it handles in this table, with the size of the batch it came in.
await ddb.send(
  new CreateTableCommand({
    TableName: id,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'messageId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'messageId', KeyType: 'HASH' }],
  }),
)

// The orders queue. Its visibility timeout (30 s) must be at least the function's timeout (5 s), or a message could
// reappear while the function is still working on it.
const { QueueUrl } = await sqs.send(
  new CreateQueueCommand({ QueueName: `${id}-orders`, Attributes: { VisibilityTimeout: '30' } }),
)
const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
const queueArn = Attributes?.QueueArn
console.log('queue', queueArn)

// The execution role Lambda assumes when it runs the function.
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: id,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
// The worker: handles a batch of SQS messages and reports the ones it could not handle (partial batch response).
const worker = `const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb')
const ddb = new DynamoDBClient({})
exports.handler = async (event) => {
  const batchItemFailures = []
  for (const record of event.Records) {
    try {
      const order = JSON.parse(record.body)
      await ddb.send(new PutItemCommand({
        TableName: process.env.TABLE,
        Item: {
          messageId: { S: record.messageId },
          orderId: { S: String(order.orderId) },
          batchSize: { N: String(event.Records.length) },
        },
      }))
    } catch (error) {
      batchItemFailures.push({ itemIdentifier: record.messageId })
    }
  }
  return { batchItemFailures }
}`
await lambda.send(
  new CreateFunctionCommand({
    FunctionName,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: Role?.Arn,
    Timeout: 5,
    Environment: { Variables: { TABLE: id } },
    Code: { ZipFile: zipOneFile('index.js', worker) },
  }),
)
await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName })

// Ten orders arrive in the queue.
await sqs.send(
  new SendMessageBatchCommand({
    QueueUrl,
    Entries: Array.from({ length: 10 }, (_, i) => ({ Id: `o${i}`, MessageBody: JSON.stringify({ orderId: 100 + i }) })),
  }),
)

// Step 1: nothing reads the queue yet, so the orders just wait there.
const depth = await sqs.send(
  new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
)
console.log('orders waiting in the queue:', depth.Attributes?.ApproximateNumberOfMessages)

// Step 2: Lambda's poller reads the queue for us and calls the worker with batches of up to 5 messages. It waits
// up to 1 second to fill a batch, and with ReportBatchItemFailures only the failed messages of a batch come back.
const mapping = await lambda.send(
  new CreateEventSourceMappingCommand({
    FunctionName,
    EventSourceArn: queueArn,
    BatchSize: 5,
    MaximumBatchingWindowInSeconds: 1,
    FunctionResponseTypes: ['ReportBatchItemFailures'],
  }),
)
console.log('mapping', mapping.UUID, mapping.State)

// Step 3: the poller deletes each message the worker handled; wait (at most 5 seconds) until all ten are done.
let handled = 0
for (const deadline = Date.now() + 5000; handled < 10 && Date.now() < deadline;) {
  await sleep(250)
  const { Count = 0 } = await ddb.send(new ScanCommand({ TableName: id, Select: 'COUNT' }))
  handled = Count
}
const left = await sqs.send(
  new GetQueueAttributesCommand({
    QueueUrl,
    AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
  }),
)
console.log('orders handled:', handled, 'left in the queue:', left.Attributes)
