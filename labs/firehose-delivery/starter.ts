import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'

const s3 = new S3Client({})
const iam = new IAMClient({})
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

// TODO (step 2): create the DirectPut delivery stream `id` with an ExtendedS3DestinationConfiguration: the bucket,
//                the role, Prefix 'orders/!{timestamp:yyyy/MM/dd}/', an ErrorOutputPrefix, and BufferingHints of at
//                most 5 MB and 60 seconds. Wait until its status is ACTIVE.

// TODO (step 3): send at least three orders with PutRecordBatchCommand, each one JSON object followed by a newline.

// TODO (step 4): poll ListObjectsV2Command (Prefix 'orders/') until the records have landed, and print the keys.
