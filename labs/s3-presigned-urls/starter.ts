import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

// The backend's client: it holds the AWS credentials, the people it shares files with never do.
const s3 = new S3Client({})
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

// TODO (step 2): sign a GET of reports/q3.csv that stays valid for 15 minutes (getSignedUrl from
//                @aws-sdk/s3-request-presigner), and save the link as the object share/q3-link.txt

// TODO (step 3): sign a PUT of uploads/receipt.txt and upload the receipt with fetch(), the way a browser
//                without AWS credentials would
