import {
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3'

// Reset: remove every lab bucket (its objects first) from the learner's account.
const s3 = new S3Client({})
const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
for (const { Name: Bucket } of Buckets.filter((b) => b.Name?.startsWith('presignlab-'))) {
  const { Versions = [], DeleteMarkers = [] } = await s3.send(new ListObjectVersionsCommand({ Bucket }))
  for (const { Key, VersionId } of [...Versions, ...DeleteMarkers]) {
    await s3.send(new DeleteObjectCommand({ Bucket, Key, VersionId }))
  }
  await s3.send(new DeleteBucketCommand({ Bucket }))
  console.log('removed', Bucket)
}
