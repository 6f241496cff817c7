import {
  CreateBucketCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'

const s3 = new S3Client({})
const Bucket = `cloudbook-lab-${Date.now()}`

await s3.send(new CreateBucketCommand({ Bucket }))
await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }))

await s3.send(new PutObjectCommand({ Bucket, Key: 'notes.txt', Body: 'first draft' }))
await s3.send(new PutObjectCommand({ Bucket, Key: 'notes.txt', Body: 'second draft' }))

const { Versions = [] } = await s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: 'notes.txt' }))
console.log(Versions.map((v) => ({ VersionId: v.VersionId, IsLatest: v.IsLatest, Size: v.Size })))
