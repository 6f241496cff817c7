import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb'
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  KinesisClient,
  waitUntilStreamExists,
} from '@aws-sdk/client-kinesis'
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
const id = `shedlab-${Date.now()}`
const FunctionName = `${id}-worker`

// The worker writes what it decided for every message into this table: processed or shed, and when.
await ddb.send(
  new CreateTableCommand({
    TableName: id,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'messageId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'messageId', KeyType: 'HASH' }],
  }),
)
const prices = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-prices` }))
const { Attributes } = await sqs.send(
  new GetQueueAttributesCommand({ QueueUrl: prices.QueueUrl, AttributeNames: ['QueueArn'] }),
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

// The worker applies price updates. A price update older than MAX_AGE_MS is worthless: a newer one is on its way.
const worker = `const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb')
const ddb = new DynamoDBClient({})
const MAX_AGE_MS = Number(process.env.MAX_AGE_MS)
exports.handler = async (event) => {
  for (const record of event.Records) {
    const sentAt = Number(record.attributes.SentTimestamp)
    const handledAt = Date.now()
    // Step 1: a stale update is acknowledged without doing the work: returning normally deletes it from the queue,
    // where reporting a failure would only bring it back, even older.
    const outcome = handledAt - sentAt > MAX_AGE_MS ? 'shed' : 'processed'
    await ddb.send(new PutItemCommand({
      TableName: process.env.TABLE,
      Item: {
        messageId: { S: record.messageId },
        price: { S: record.body },
        outcome: { S: outcome },
        sentAt: { N: String(sentAt) },
        handledAt: { N: String(handledAt) },
      },
    }))
  }
}`
await lambda.send(
  new CreateFunctionCommand({
    FunctionName,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: Role?.Arn,
    Timeout: 5,
    Environment: { Variables: { TABLE: id, MAX_AGE_MS: '1500' } },
    Code: { ZipFile: zipOneFile('index.js', worker) },
  }),
)
await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName })
await lambda.send(
  new CreateEventSourceMappingCommand({ FunctionName, EventSourceArn: Attributes?.QueueArn, BatchSize: 10 }),
)

// Three fresh price updates, and three that reach the worker 3 seconds after they were sent, as if they had been
// stuck in a backlog (SentTimestamp is the time of sending; DelaySeconds only hides them for a while).
await sqs.send(
  new SendMessageBatchCommand({
    QueueUrl: prices.QueueUrl,
    Entries: ['AAPL', 'MSFT', 'AMZN', 'NVDA', 'META', 'ORCL'].map((symbol, i) => ({
      Id: symbol,
      MessageBody: JSON.stringify({ symbol, price: 100 + i }),
      DelaySeconds: i < 3 ? 3 : 0,
    })),
  }),
)
console.log('sent 6 price updates, 3 of them from the backlog')

// Step 2: the backlog arrives after 3 seconds; wait for all six decisions (at most 5 seconds).
const outcomes: string[] = []
for (const deadline = Date.now() + 5000; outcomes.length < 6 && Date.now() < deadline;) {
  await sleep(250)
  const { Items = [] } = await ddb.send(new ScanCommand({ TableName: id }))
  outcomes.splice(0, outcomes.length, ...Items.map((item) => item.outcome?.S ?? '?'))
}
console.log(
  'processed:',
  outcomes.filter((o) => o === 'processed').length,
  'shed:',
  outcomes.filter((o) => o === 'shed').length,
)

// Step 3: for a stream, Lambda checks the age itself: records older than MaximumRecordAgeInSeconds are skipped
// before the worker sees them, so a consumer that fell behind catches up with the newest ticks.
const kinesis = new KinesisClient({})
const StreamName = `${id}-ticks`
await kinesis.send(new CreateStreamCommand({ StreamName, ShardCount: 1 }))
await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30 }, { StreamName })
const { StreamDescriptionSummary } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName }))
const ticks = await lambda.send(
  new CreateEventSourceMappingCommand({
    FunctionName,
    EventSourceArn: StreamDescriptionSummary?.StreamARN,
    StartingPosition: 'LATEST',
    MaximumRecordAgeInSeconds: 60,
  }),
)
console.log('stream mapping', ticks.UUID, 'skips records older than', ticks.MaximumRecordAgeInSeconds, 'seconds')
