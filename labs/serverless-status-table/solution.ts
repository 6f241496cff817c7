import { CreateTableCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb'
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  LambdaClient,
  waitUntilFunctionActiveV2,
} from '@aws-sdk/client-lambda'
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
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
const id = `statuslab-${Date.now()}`
const TableName = id
const FunctionName = `${id}-forward`

// The status table is the single source of truth; its stream carries every change with the old and new item.
const { TableDescription } = await ddb.send(
  new CreateTableCommand({
    TableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'jobId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'jobId', KeyType: 'HASH' }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  }),
)
// Workers take jobs from this queue; only the forward function writes to it.
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-jobs` }))

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

// The forward function reads the table's stream and is the only code that sends jobs to the queue.
// Step 3: only the change that moved a job to READY becomes a message. If sending fails, the function reports that
// record, and the stream hands it over again: the job cannot be lost between the table and the queue.
const forward = `const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs')
const sqs = new SQSClient({})
exports.handler = async (event) => {
  for (const record of event.Records) {
    const before = record.dynamodb.OldImage && record.dynamodb.OldImage.status.S
    const after = record.dynamodb.NewImage && record.dynamodb.NewImage.status.S
    if (after !== 'READY' || before === 'READY') continue
    try {
      await sqs.send(new SendMessageCommand({
        QueueUrl: process.env.QUEUE_URL,
        MessageBody: JSON.stringify({ jobId: record.dynamodb.Keys.jobId.S, status: after }),
      }))
    } catch (error) {
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb.SequenceNumber }] }
    }
  }
  return { batchItemFailures: [] }
}`
await lambda.send(
  new CreateFunctionCommand({
    FunctionName,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: Role?.Arn,
    Timeout: 5,
    Environment: { Variables: { QUEUE_URL: QueueUrl ?? '' } },
    Code: { ZipFile: zipOneFile('index.js', forward) },
  }),
)
await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName })
await lambda.send(
  new CreateEventSourceMappingCommand({
    FunctionName,
    EventSourceArn: TableDescription?.LatestStreamArn,
    StartingPosition: 'LATEST',
    FunctionResponseTypes: ['ReportBatchItemFailures'],
    MaximumRetryAttempts: 3,
  }),
)
console.log('table', TableName, 'streams to', FunctionName, 'which may send to', QueueUrl)

const jobId = `job-${Date.now()}`
console.log('the job to follow:', jobId)
// Step 1: the API writes one system only: the job's status in the table. The condition makes a repeated request
// harmless: a second PutItem for the same job fails instead of resetting it.
await ddb.send(
  new PutItemCommand({
    TableName,
    Item: { jobId: { S: jobId }, status: { S: 'PENDING' }, task: { S: 'resize photo 42' } },
    ConditionExpression: 'attribute_not_exists(jobId)',
  }),
)

// Step 2: a transition is allowed only from the state it starts in, so two writers cannot both move the job.
await ddb.send(
  new UpdateItemCommand({
    TableName,
    Key: { jobId: { S: jobId } },
    UpdateExpression: 'SET #status = :ready',
    ConditionExpression: '#status = :pending',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':ready': { S: 'READY' }, ':pending': { S: 'PENDING' } },
  }),
)
console.log(jobId, 'PENDING -> READY')

// Step 3: follow the job into the queue. VisibilityTimeout 0 only peeks: the message stays there for the workers.
let body: string | undefined
for (const deadline = Date.now() + 5000; !body && Date.now() < deadline;) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
  )
  body = Messages.find((m) => m.Body?.includes(jobId))?.Body
  if (!body) await sleep(100)
}
console.log('in the queue:', body ?? 'nothing yet')
