import {
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab bucket (its objects first) and every lab queue from the learner's account.
const PREFIX = 's3eventlab-'
const s3 = new S3Client({})
const sqs = new SQSClient({})
const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
for (const { Name: Bucket } of Buckets.filter((b) => b.Name?.startsWith(PREFIX))) {
  const { Versions = [], DeleteMarkers = [] } = await s3.send(new ListObjectVersionsCommand({ Bucket }))
  for (const { Key, VersionId } of [...Versions, ...DeleteMarkers]) {
    await s3.send(new DeleteObjectCommand({ Bucket, Key, VersionId }))
  }
  await s3.send(new DeleteBucketCommand({ Bucket }))
  console.log('removed bucket', Bucket)
}
const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
for (const QueueUrl of QueueUrls) {
  await sqs.send(new DeleteQueueCommand({ QueueUrl }))
  console.log('removed queue', QueueUrl)
}
