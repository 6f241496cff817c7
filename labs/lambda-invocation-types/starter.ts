import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { CreateFunctionCommand, InvokeCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda'
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs'
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

// TODO (step 2): configure asynchronous calls with PutFunctionEventInvokeConfigCommand: no retries, events older
//                than one hour dropped, successes to succeeded.QueueArn and failures to failed.QueueArn.

// TODO (step 3): invoke asynchronously (InvocationType 'Event') once with a card and once without one, then poll
//                failed.QueueUrl with ReceiveMessageCommand (at most 5 seconds) until the failure record arrives.
