import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import {
  CreateFunctionCommand,
  InvokeCommand,
  LambdaClient,
  PutFunctionEventInvokeConfigCommand,
  waitUntilFunctionActiveV2,
} from '@aws-sdk/client-lambda'
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import { crc32 } from 'node:zlib'
import { setTimeout as sleep } from 'node:timers/promises'
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
const iam = new IAMClient({})
const lambda = new LambdaClient({})
const sqs = new SQSClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `invokelab-${Date.now()}`
const FunctionName = id

// Two queues for the results of asynchronous calls. VisibilityTimeout 0: reading a record does not hide it, so you
// and the check can both look at it.
async function createQueue(QueueName: string) {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName, Attributes: { VisibilityTimeout: '0' } }))
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
  return { QueueUrl, QueueArn: Attributes?.QueueArn }
}
const succeeded = await createQueue(`${id}-succeeded`)
const failed = await createQueue(`${id}-failed`)
console.log('destinations:', succeeded.QueueArn, failed.QueueArn)

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
// The function charges a card; a payment without a card is declined with an error.
const handler = `export const handler = async (payment) => {
  if (!payment.card) throw new Error('card declined for order ' + payment.orderId)
  return { orderId: payment.orderId, charged: payment.amount }
}`
await lambda.send(
  new CreateFunctionCommand({
    FunctionName,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: Role?.Arn,
    Code: { ZipFile: zipOneFile('index.mjs', handler) },
  }),
)
await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName })

// Step 1: a synchronous call (InvocationType RequestResponse, the default) waits for the function's answer.
const sync = await lambda.send(
  new InvokeCommand({ FunctionName, Payload: JSON.stringify({ orderId: 'A-1', card: '4111', amount: 25 }) }),
)
console.log('synchronous:', sync.StatusCode, Buffer.from(sync.Payload ?? []).toString())

// Step 2: nobody waits for an asynchronous call, so Lambda handles its failures. A declined card will not succeed
// on a retry, and a charge that is an hour late is worse than none: no retries, one hour at most, and a record of
// every outcome in a queue.
await lambda.send(
  new PutFunctionEventInvokeConfigCommand({
    FunctionName,
    MaximumRetryAttempts: 0,
    MaximumEventAgeInSeconds: 3600,
    DestinationConfig: {
      OnSuccess: { Destination: succeeded.QueueArn },
      OnFailure: { Destination: failed.QueueArn },
    },
  }),
)

// Step 3: an asynchronous call (InvocationType Event) is only accepted (202); the result goes to a destination.
for (const payment of [
  { orderId: 'A-2', card: '4111', amount: 40 },
  { orderId: 'A-3', amount: 15 },
]) {
  const call = await lambda.send(
    new InvokeCommand({ FunctionName, InvocationType: 'Event', Payload: JSON.stringify(payment) }),
  )
  console.log('asynchronous', payment.orderId, '->', call.StatusCode)
}

// The failure record arrives a moment later: poll for at most 5 seconds.
const deadline = Date.now() + 5000
let record: { requestContext?: { condition?: string }; requestPayload?: unknown; responsePayload?: unknown } | undefined
while (!record && Date.now() < deadline) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: failed.QueueUrl, MaxNumberOfMessages: 10 }),
  )
  if (Messages[0]?.Body) record = JSON.parse(Messages[0].Body)
  else await sleep(250)
}
console.log('failure record:', record?.requestContext?.condition, record?.requestPayload, record?.responsePayload)
