import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb'
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  LambdaClient,
  waitUntilFunctionActiveV2,
} from '@aws-sdk/client-lambda'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageBatchCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
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
const id = `poisonlab-${Date.now()}`
const FunctionName = `${id}-worker`

async function queueArn(QueueUrl: string | undefined) {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
  return Attributes?.QueueArn
}

// The orders queue. A failed message becomes visible again after the visibility timeout: 1 second here, so the lab
// sees retries quickly (it must be at least the worker's timeout, also 1 second). It keeps messages for 60 seconds
// only, so a message that can never be handled stops coming back after a minute instead of after 4 days.
const orders = await sqs.send(
  new CreateQueueCommand({
    QueueName: `${id}-orders`,
    Attributes: { VisibilityTimeout: '1', MessageRetentionPeriod: '60' },
  }),
)

// Step 1: the dead-letter queue is an ordinary queue; the orders queue points at it by ARN. After 2 receives that
// did not end in a delete, SQS moves the message there instead of handing it out again. It keeps messages 14 days.
const dlq = await sqs.send(
  new CreateQueueCommand({ QueueName: `${id}-dlq`, Attributes: { MessageRetentionPeriod: '1209600' } }),
)
await sqs.send(
  new SetQueueAttributesCommand({
    QueueUrl: orders.QueueUrl,
    Attributes: {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await queueArn(dlq.QueueUrl), maxReceiveCount: 2 }),
    },
  }),
)

// The worker records each order it handles in this table, keyed by order id, so a retry overwrites instead of
// counting an order twice.
await ddb.send(
  new CreateTableCommand({
    TableName: id,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
  }),
)
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

// Step 2: one bad message must not fail its batch. The worker handles each message on its own and reports only the
// ones it could not handle; the others are deleted from the queue.
const worker = `const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb')
const ddb = new DynamoDBClient({})
exports.handler = async (event) => {
  const batchItemFailures = []
  for (const record of event.Records) {
    try {
      const order = JSON.parse(record.body)
      await ddb.send(new PutItemCommand({
        TableName: process.env.TABLE,
        Item: { orderId: { S: String(order.orderId) }, total: { N: String(order.total) } },
      }))
    } catch (error) {
      console.log('cannot handle message', record.messageId, error.message)
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
    Timeout: 1,
    Environment: { Variables: { TABLE: id } },
    Code: { ZipFile: zipOneFile('index.js', worker) },
  }),
)
await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName })

// Step 2: without ReportBatchItemFailures, Lambda ignores the batchItemFailures the worker returns.
await lambda.send(
  new CreateEventSourceMappingCommand({
    FunctionName,
    EventSourceArn: await queueArn(orders.QueueUrl),
    BatchSize: 10,
    FunctionResponseTypes: ['ReportBatchItemFailures'],
  }),
)

// Five orders, one of them cut off in the middle: a poison message that can never be parsed.
await sqs.send(
  new SendMessageBatchCommand({
    QueueUrl: orders.QueueUrl,
    Entries: [
      { Id: 'o1', MessageBody: JSON.stringify({ orderId: 1, total: 20 }) },
      { Id: 'o2', MessageBody: JSON.stringify({ orderId: 2, total: 35 }) },
      { Id: 'o3', MessageBody: '{"orderId": 3, "total": ' },
      { Id: 'o4', MessageBody: JSON.stringify({ orderId: 4, total: 12 }) },
      { Id: 'o5', MessageBody: JSON.stringify({ orderId: 5, total: 48 }) },
    ],
  }),
)
console.log('sent 5 orders to', orders.QueueUrl)

// Step 3: the poison message fails twice, one second apart, and then moves to the DLQ (poll for at most 5 seconds).
let parked = 0
for (const deadline = Date.now() + 5000; parked === 0 && Date.now() < deadline;) {
  await sleep(250)
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
  )
  parked = Number(Attributes?.ApproximateNumberOfMessages ?? 0)
}
const { Count } = await ddb.send(new ScanCommand({ TableName: id, Select: 'COUNT' }))
console.log('orders recorded:', Count, '- messages in the dead-letter queue:', parked)
