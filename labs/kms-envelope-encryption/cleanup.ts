import {
  DeleteAliasCommand,
  DescribeKeyCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms'
import {
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'

// Reset: remove every lab bucket and alias (names start with envlab-) and schedule the lab keys for deletion.
// KMS never deletes a key at once: the shortest waiting period is 7 days, and the key is unusable meanwhile.
const PREFIX = 'envlab-'
const kms = new KMSClient({})
const s3 = new S3Client({})

const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
for (const { Name: Bucket } of Buckets.filter((b) => b.Name?.startsWith(PREFIX))) {
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket }))
  for (const { Key } of Contents) await s3.send(new DeleteObjectCommand({ Bucket, Key }))
  await s3.send(new DeleteBucketCommand({ Bucket }))
  console.log('removed bucket', Bucket)
}
const { Aliases = [] } = await kms.send(new ListAliasesCommand({}))
for (const { AliasName } of Aliases.filter((a) => a.AliasName?.startsWith(`alias/${PREFIX}`))) {
  await kms.send(new DeleteAliasCommand({ AliasName }))
  console.log('removed alias', AliasName)
}
const { Keys = [] } = await kms.send(new ListKeysCommand({}))
for (const { KeyId } of Keys) {
  const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId }))
  if (!KeyMetadata?.Description?.startsWith(PREFIX) || KeyMetadata.KeyState === 'PendingDeletion') continue
  await kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }))
  console.log('scheduled key', KeyId, 'for deletion')
}
