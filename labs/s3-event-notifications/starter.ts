import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs'

const s3 = new S3Client({})
const sqs = new SQSClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const Bucket = `s3eventlab-${Date.now()}`

// Step 1: the bucket partners upload to, and the queue the import workers read
await s3.send(new CreateBucketCommand({ Bucket }))
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${Bucket}-uploads` }))
console.log('bucket', Bucket, 'queue', QueueUrl)

// TODO (step 2): a queue policy that lets s3.amazonaws.com send messages, but only for this bucket
//                (SetQueueAttributesCommand with the Policy attribute; you need the queue's ARN)

// TODO (step 3): PutBucketNotificationConfigurationCommand: s3:ObjectCreated:* events for keys under incoming/
//                ending in .csv go to the queue

// TODO (step 4): upload incoming/orders-2026-12.csv and incoming/readme.txt, then wait (at most a few seconds)
//                until the queue's ApproximateNumberOfMessages shows the event has arrived
