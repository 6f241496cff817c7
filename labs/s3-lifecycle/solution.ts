import {
  CreateBucketCommand,
  GetBucketLifecycleConfigurationCommand,
  GetObjectCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'

const s3 = new S3Client({})
// every lab bucket starts with this prefix, which is how the check and the clean-up find them
const Bucket = `lifecyclelab-${Date.now()}`

// Step 1: a versioned bucket of audit logs
await s3.send(new CreateBucketCommand({ Bucket }))
await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }))
await s3.send(new PutObjectCommand({ Bucket, Key: 'logs/2026-12-01.log', Body: '2026-12-01T09:00:00Z login ok\n' }))
console.log('bucket', Bucket)

// Steps 2 and 3: one call with both rules, because each call replaces the whole configuration
await s3.send(
  new PutBucketLifecycleConfigurationCommand({
    Bucket,
    LifecycleConfiguration: {
      Rules: [
        {
          ID: 'archive-logs',
          Status: 'Enabled',
          Filter: { Prefix: 'logs/' },
          Transitions: [
            { Days: 30, StorageClass: 'GLACIER_IR' },
            { Days: 180, StorageClass: 'DEEP_ARCHIVE' },
          ],
          Expiration: { Days: 2555 },
        },
        {
          ID: 'clean-up',
          Status: 'Enabled',
          Filter: { Prefix: '' },
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
      ],
    },
  }),
)
const { Rules = [] } = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket }))
for (const rule of Rules) {
  const transitions = (rule.Transitions ?? []).map((t) => `${t.Days}d -> ${t.StorageClass}`).join(', ')
  console.log(rule.ID, `prefix "${rule.Filter?.Prefix ?? ''}"`, transitions || '(no transitions)')
}

// Step 4: data that is cold from day one goes straight into Deep Archive
await s3.send(
  new PutObjectCommand({ Bucket, Key: 'archive/2019-audit.zip', Body: 'zip bytes', StorageClass: 'DEEP_ARCHIVE' }),
)
try {
  await s3.send(new GetObjectCommand({ Bucket, Key: 'archive/2019-audit.zip' }))
  console.log('read the archive directly')
} catch (error) {
  console.log('reading the archive failed as expected:', error instanceof Error ? error.name : error)
}
