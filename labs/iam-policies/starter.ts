import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

const iam = new IAMClient({})
const s3 = new S3Client({})
// every lab resource starts with polab-, which is how the check and Reset find them
const id = `polab-${Date.now()}`
const Bucket = id

// A bucket with internal reports and data exports, and the role a reporting function runs as.
await s3.send(new CreateBucketCommand({ Bucket }))
await s3.send(new PutObjectCommand({ Bucket, Key: 'reports/2026-11.csv', Body: 'month,revenue\n2026-11,48210\n' }))
await s3.send(new PutObjectCommand({ Bucket, Key: 'exports/2026-11.csv', Body: 'month,orders\n2026-11,1093\n' }))
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: `${id}-reporting`,
    // the trust policy (who may assume the role) is itself a resource-based policy: it names a Principal
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
console.log('bucket', Bucket, 'and role', Role?.Arn)

// TODO (step 1): create the customer managed policy `${id}-read-reports`: read objects under reports/ and list
//                the bucket, nothing more
// TODO (step 2): attach it to the role
// TODO (step 3): give the partner account 111122223333 read access to exports/ with a bucket policy
