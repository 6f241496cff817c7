import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

// The backend's client: it holds the AWS credentials, the people it shares files with never do.
// WHEN_REQUIRED: the upload's body is unknown when the URL is signed, so the SDK should not sign a checksum into it.
const s3 = new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' })
// every lab bucket starts with this prefix, which is how the check and the clean-up find them
const Bucket = `presignlab-${Date.now()}`

// Step 1: a private bucket with a private report in it
await s3.send(new CreateBucketCommand({ Bucket }))
await s3.send(
  new PutObjectCommand({
    Bucket,
    Key: 'reports/q3.csv',
    Body: 'region,revenue\neu,1200\nus,1850\n',
    ContentType: 'text/csv',
  }),
)
console.log('bucket', Bucket)

// Step 2: a download link for one object, valid for 15 minutes; signing happens locally, without an AWS call
const downloadUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket, Key: 'reports/q3.csv' }), {
  expiresIn: 900,
})
await s3.send(new PutObjectCommand({ Bucket, Key: 'share/q3-link.txt', Body: downloadUrl, ContentType: 'text/plain' }))
console.log('expires in', new URL(downloadUrl).searchParams.get('X-Amz-Expires'), 'seconds')

// what the person receiving the link does: a plain HTTP GET, no credentials
const download = await fetch(downloadUrl)
console.log('download', download.status, JSON.stringify(await download.text()))

// Step 3: an upload link for one key; whoever holds it can PUT exactly that object until it expires
const uploadUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket, Key: 'uploads/receipt.txt' }), {
  expiresIn: 300,
})
const upload = await fetch(uploadUrl, { method: 'PUT', body: 'receipt #1042: 3 items, 27.40 EUR' })
console.log('upload', upload.status)

const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'uploads/receipt.txt' }))
console.log('uploads/receipt.txt is', head.ContentLength, 'bytes')
