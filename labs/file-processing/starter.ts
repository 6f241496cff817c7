import {
  CreateBucketCommand,
  PutBucketNotificationConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns'
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda'
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn'
import { createHash } from 'node:crypto'
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
const s3 = new S3Client({})
const sqs = new SQSClient({})
const ddb = new DynamoDBClient({})
const sns = new SNSClient({})
const iam = new IAMClient({})
const lambda = new LambdaClient({})
const sfn = new SFNClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `fplab-${Date.now()}`

// Step 1 (given): one role for the function and the state machine, and the transform function. It throws for a file
// whose name contains "broken", and returns a summary of every other file.
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: id,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: ['lambda.amazonaws.com', 'states.amazonaws.com'] },
          Action: 'sts:AssumeRole',
        },
      ],
    }),
  }),
)
const roleArn = Role?.Arn ?? ''
const transform = `export const handler = async (event) => {
  if (event.key.includes('broken')) throw new Error('cannot parse ' + event.key)
  return { fileId: event.fileId, outputKey: event.key.replace('incoming/', 'processed/').replace(/\\.csv$/, '.json') }
}`
const { FunctionArn } = await lambda.send(
  new CreateFunctionCommand({
    FunctionName: `${id}-transform`,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: roleArn,
    Timeout: 10,
    Code: { ZipFile: zipOneFile('index.mjs', transform) },
  }),
)

// The bucket (versioned, so every upload has its own version id) and the queue S3 announces new CSV files to.
await s3.send(new CreateBucketCommand({ Bucket: id }))
await s3.send(new PutBucketVersioningCommand({ Bucket: id, VersioningConfiguration: { Status: 'Enabled' } }))
async function queueOf(QueueName: string) {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName }))
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
  return { QueueUrl: QueueUrl ?? '', QueueArn: Attributes?.QueueArn ?? '' }
}
const uploads = await queueOf(`${id}-uploads`)
await sqs.send(
  new SetQueueAttributesCommand({
    QueueUrl: uploads.QueueUrl,
    Attributes: {
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: uploads.QueueArn,
            Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${id}` } },
          },
        ],
      }),
    },
  }),
)
await s3.send(
  new PutBucketNotificationConfigurationCommand({
    Bucket: id,
    NotificationConfiguration: {
      QueueConfigurations: [
        {
          QueueArn: uploads.QueueArn,
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
        },
      ],
    },
  }),
)

// Where the workflow's results go: the table of processed files, the outcome topic and the queue for failed files.
await ddb.send(
  new CreateTableCommand({
    TableName: id,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'fileId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'fileId', KeyType: 'HASH' }],
  }),
)
const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${id}-outcomes` }))
const failed = await queueOf(`${id}-failed`)
console.log('bucket, queues, table and topic:', id, TopicArn, failed.QueueUrl)

// The workflow. So far it only calls the transform function.
const definition = {
  StartAt: 'Transform',
  States: {
    Transform: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: FunctionArn, 'Payload.$': '$' },
      ResultSelector: { 'outputKey.$': '$.Payload.outputKey' },
      ResultPath: '$.result',
      // TODO (step 2): retry failed calls with backoff, then catch what is left and send the file to the failed queue
      End: true,
    },
    // TODO (step 3): record the result once in the table, keyed by fileId
    // TODO (step 4): announce the outcome on the topic
  },
}
const { stateMachineArn } = await sfn.send(
  new CreateStateMachineCommand({ name: id, definition: JSON.stringify(definition), roleArn }),
)

// Step 5: upload a good file and a broken one, take their events off the queue, and start one execution per file
// version. Then wait until both executions have finished.
await s3.send(new PutObjectCommand({ Bucket: id, Key: 'incoming/report.csv', Body: 'sku,qty\nmug,2\n' }))
await s3.send(new PutObjectCommand({ Bucket: id, Key: 'incoming/broken.csv', Body: 'sku;qty;;' }))
const executions: { fileId: string; executionArn: string }[] = []
for (let i = 0; i < 20 && executions.length < 2; i++) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: uploads.QueueUrl, MaxNumberOfMessages: 10 }),
  )
  for (const message of Messages) {
    const records: { s3: { bucket: { name: string }; object: { key: string; versionId?: string; eTag?: string } } }[] =
      JSON.parse(message.Body ?? '{}').Records ?? [] // the s3:TestEvent message has no Records
    for (const { s3: event } of records) {
      const key = decodeURIComponent(event.object.key.replace(/\+/g, ' '))
      const fileId = `${event.bucket.name}/${key}#${event.object.versionId ?? event.object.eTag}`
      // the same file version always gets the same execution name, so a duplicate event cannot start a second run
      const name = createHash('sha256').update(fileId).digest('hex').slice(0, 40)
      try {
        const { executionArn = '' } = await sfn.send(
          new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify({ fileId, key }) }),
        )
        executions.push({ fileId, executionArn })
      } catch (error) {
        if (!(error instanceof ExecutionAlreadyExists)) throw error
        console.log(fileId, 'already started once: duplicate event skipped')
      }
    }
    await sqs.send(new DeleteMessageCommand({ QueueUrl: uploads.QueueUrl, ReceiptHandle: message.ReceiptHandle }))
  }
  if (executions.length < 2) await sleep(100)
}
for (const { fileId, executionArn } of executions) {
  let run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
  for (let j = 0; j < 40 && run.status === 'RUNNING'; j++) {
    await sleep(150)
    run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
  }
  console.log(fileId, run.status, run.error ?? '')
}
