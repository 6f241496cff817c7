import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
} from '@aws-sdk/client-iam'
import {
  CreateBucketCommand,
  GetBucketPolicyCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'

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

// Step 1: an identity-based policy names no Principal: it applies to whoever it is attached to.
const { Policy } = await iam.send(
  new CreatePolicyCommand({
    PolicyName: `${id}-read-reports`,
    Description: 'Read the monthly reports',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${Bucket}/reports/*` },
        // ListBucket is an action on the bucket itself, so its resource is the bucket ARN, without /*
        { Sid: 'ListTheBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${Bucket}` },
      ],
    }),
  }),
)
console.log('policy', Policy?.Arn)

// Step 2: a customer managed policy is a standalone object; attaching it is a separate call.
await iam.send(new AttachRolePolicyCommand({ RoleName: `${id}-reporting`, PolicyArn: Policy?.Arn }))
const { AttachedPolicies = [] } = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: `${id}-reporting` }))
console.log(
  'attached:',
  AttachedPolicies.map((p) => p.PolicyName),
)

// Step 3: a resource-based policy lives on the resource and names who it grants access to, here another account.
await s3.send(
  new PutBucketPolicyCommand({
    Bucket,
    Policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PartnerReadsExports',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${Bucket}/exports/*`,
        },
      ],
    }),
  }),
)
const { Policy: bucketPolicy } = await s3.send(new GetBucketPolicyCommand({ Bucket }))
console.log('bucket policy:', bucketPolicy)
