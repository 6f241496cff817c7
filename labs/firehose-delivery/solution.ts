import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import {
  CreateDeliveryStreamCommand,
  DescribeDeliveryStreamCommand,
  FirehoseClient,
  PutRecordBatchCommand,
} from '@aws-sdk/client-firehose'
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { setTimeout as sleep } from 'node:timers/promises'

const s3 = new S3Client({})
const iam = new IAMClient({})
const firehose = new FirehoseClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `fhlab-${Date.now()}`
const Bucket = id

// Step 1: the bucket the data lake lives in, and the role Firehose assumes to write to it
await s3.send(new CreateBucketCommand({ Bucket }))
const RoleName = `${id}-firehose`
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'firehose.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
await iam.send(
  new PutRolePolicyCommand({
    RoleName,
    PolicyName: 'write-to-bucket',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:PutObject', 's3:GetBucketLocation', 's3:ListBucket', 's3:AbortMultipartUpload'],
          Resource: [`arn:aws:s3:::${Bucket}`, `arn:aws:s3:::${Bucket}/*`],
        },
      ],
    }),
  }),
)
const roleArn = Role?.Arn ?? ''
console.log('bucket', Bucket, '\nrole', roleArn)

// Step 2: a delivery stream that batches records into the bucket, one folder per day
const DeliveryStreamName = id
await firehose.send(
  new CreateDeliveryStreamCommand({
    DeliveryStreamName,
    DeliveryStreamType: 'DirectPut',
    ExtendedS3DestinationConfiguration: {
      BucketARN: `arn:aws:s3:::${Bucket}`,
      RoleARN: roleArn,
      Prefix: 'orders/!{timestamp:yyyy/MM/dd}/',
      ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
      CompressionFormat: 'UNCOMPRESSED',
    },
  }),
)
let status: string | undefined
for (let i = 0; i < 25 && status !== 'ACTIVE'; i++) {
  const { DeliveryStreamDescription } = await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName }))
  status = DeliveryStreamDescription?.DeliveryStreamStatus
  if (status !== 'ACTIVE') await sleep(200)
}
console.log('delivery stream', DeliveryStreamName, status)

// Step 3: newline-delimited JSON, so the records can be told apart once Firehose concatenates them into one object
const orders = [
  { orderId: 'A-1', customer: 'c-17', total: 3000 },
  { orderId: 'A-2', customer: 'c-42', total: 1200 },
  { orderId: 'A-3', customer: 'c-17', total: 9900 },
]
const { FailedPutCount } = await firehose.send(
  new PutRecordBatchCommand({
    DeliveryStreamName,
    Records: orders.map((o) => ({ Data: Buffer.from(`${JSON.stringify(o)}\n`) })),
  }),
)
console.log('sent', orders.length, 'records, failed:', FailedPutCount)

// Step 4: Firehose delivers when a buffer fills or its interval ends; poll the bucket for a few seconds
for (let i = 0; i < 25; i++) {
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'orders/' }))
  if (Contents.length) {
    for (const { Key } of Contents) {
      const { Body } = await s3.send(new GetObjectCommand({ Bucket, Key }))
      console.log(Key, '\n ', (await Body?.transformToString())?.trim())
    }
    break
  }
  await sleep(200)
}
