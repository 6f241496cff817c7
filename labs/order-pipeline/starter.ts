import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda'
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
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
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `orderlab-${Date.now()}`

// Steps 1-2 of the pipeline: the orders table, with a stream of every new and changed item.
const { TableDescription } = await ddb.send(
  new CreateTableCommand({
    TableName: id,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  }),
)
const streamArn = TableDescription?.LatestStreamArn
console.log('table', id, 'stream', streamArn)

// The two functions: forward reads the stream, notify drains the queue. Both report partial batch failures.
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: id,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
const handlers = {
  forward: `export const handler = async (event) => {
  for (const record of event.Records) {
    if (!record.dynamodb.NewImage?.total) return { batchItemFailures: [{ itemIdentifier: record.dynamodb.SequenceNumber }] }
    console.log('forward', record.dynamodb.NewImage.orderId.S)
  }
  return { batchItemFailures: [] }
}`,
  notify: `export const handler = async (event) => {
  const batchItemFailures = []
  for (const record of event.Records) {
    const order = JSON.parse(record.body)
    if (typeof order.total !== 'number') batchItemFailures.push({ itemIdentifier: record.messageId })
    else console.log('confirmed', order.orderId)
  }
  return { batchItemFailures }
}`,
}
for (const [step, source] of Object.entries(handlers)) {
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: `${id}-${step}`,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: Role?.Arn,
      Timeout: 10,
      Code: { ZipFile: zipOneFile('index.mjs', source) },
    }),
  )
  await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: `${id}-${step}` })
  console.log('function', `${id}-${step}`)
}

// TODO 1: create the dead-letter queue `${id}-dlq` and the queue `${id}-orders` with a redrive policy to it
//         (maxReceiveCount between 1 and 5).
// TODO 2: map the table's stream (streamArn) to the `${id}-forward` function, starting at LATEST,
//         with ReportBatchItemFailures, BisectBatchOnFunctionError and a retry limit.
// TODO 3: map the orders queue to the `${id}-notify` function with ReportBatchItemFailures.
