import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

const s3 = new S3Client({})
const Bucket = `cloudbook-lab-${Date.now()}`

await s3.send(new CreateBucketCommand({ Bucket }))
console.log('created', Bucket)

// TODO: turn on versioning here

await s3.send(new PutObjectCommand({ Bucket, Key: 'notes.txt', Body: 'first draft' }))
console.log('uploaded notes.txt')

// TODO: upload a second version of notes.txt
