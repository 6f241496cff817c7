import {
  CreateBucketCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { setTimeout } from 'node:timers/promises'

const s3 = new S3Client({})
const sqs = new SQSClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const Bucket = `s3eventlab-${Date.now()}`

// Step 1: the bucket partners upload to, and the queue the import workers read
await s3.send(new CreateBucketCommand({ Bucket }))
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${Bucket}-uploads` }))
console.log('bucket', Bucket, 'queue', QueueUrl)

const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
const QueueArn = Attributes?.QueueArn ?? ''
const account = QueueArn.split(':')[4]

// Step 2: S3 may send to the queue, but only on behalf of this bucket in this account
await sqs.send(
  new SetQueueAttributesCommand({
    QueueUrl,
    Attributes: {
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AllowUploadEvents',
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: QueueArn,
            Condition: {
              ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${Bucket}` },
              StringEquals: { 'aws:SourceAccount': account },
            },
          },
        ],
      }),
    },
  }),
)

// Step 3: only new CSV files under incoming/ produce an event
await s3.send(
  new PutBucketNotificationConfigurationCommand({
    Bucket,
    NotificationConfiguration: {
      QueueConfigurations: [
        {
          Id: 'csv-uploads',
          QueueArn,
          Events: ['s3:ObjectCreated:*'],
          Filter: {
            Key: {
              FilterRules: [
                { Name: 'prefix', Value: 'incoming/' },
                { Name: 'suffix', Value: '.csv' },
              ],
            },
          },
        },
      ],
    },
  }),
)

// Step 4: one upload that matches the filter and one that does not, then wait for the event
const depth = async () => {
  const { Attributes: a } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
  )
  return Number(a?.ApproximateNumberOfMessages ?? 0)
}
const before = await depth() // S3 may already have sent an s3:TestEvent when the configuration was saved
await s3.send(new PutObjectCommand({ Bucket, Key: 'incoming/orders-2026-12.csv', Body: 'order,total\nA-1,20\n' }))
await s3.send(new PutObjectCommand({ Bucket, Key: 'incoming/readme.txt', Body: 'CSV files only, please' }))
let now = before
for (let i = 0; i < 25 && now <= before; i++) {
  await setTimeout(200)
  now = await depth()
}
console.log('messages waiting in the queue:', before, '->', now)
