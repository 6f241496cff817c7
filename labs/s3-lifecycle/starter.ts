import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

const s3 = new S3Client({})
// every lab bucket starts with this prefix, which is how the check and the clean-up find them
const Bucket = `lifecyclelab-${Date.now()}`

// Step 1: a versioned bucket of audit logs
await s3.send(new CreateBucketCommand({ Bucket }))
await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }))
await s3.send(new PutObjectCommand({ Bucket, Key: 'logs/2026-12-01.log', Body: '2026-12-01T09:00:00Z login ok\n' }))
console.log('bucket', Bucket)

// TODO (step 2): a rule for logs/: GLACIER_IR after 30 days, DEEP_ARCHIVE after 180 days, expire after 2555 days
// TODO (step 3): a bucket-wide rule: noncurrent versions expire after 30 days, incomplete multipart uploads are
//                aborted after 7 days (put both rules into ONE PutBucketLifecycleConfigurationCommand)

// TODO (step 4): upload archive/2019-audit.zip directly into DEEP_ARCHIVE, then try to read it back
