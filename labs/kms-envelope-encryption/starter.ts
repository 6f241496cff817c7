import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms'
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

const kms = new KMSClient({})
const s3 = new S3Client({})
// every lab resource starts with envlab-, which is how the check and Reset find them
const id = `envlab-${Date.now()}`
const Bucket = id
const report = 'Quarterly report: revenue 48,210 EUR, 1,093 orders, 3 refunds. Confidential.'

await s3.send(new CreateBucketCommand({ Bucket }))
// A customer managed symmetric key (AES-256-GCM inside KMS); its key material never leaves KMS.
const { KeyMetadata } = await kms.send(
  new CreateKeyCommand({ Description: id, KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT' }),
)
const KeyId = KeyMetadata?.KeyId
console.log('bucket', Bucket, 'key', KeyId)

// TODO (step 1): give the key the alias `alias/${id}` and turn on automatic key rotation

// TODO (step 2): encrypt the report locally with a data key (GenerateDataKey + AES-256-GCM from node:crypto) and
//                store the ciphertext with the encrypted data key, the IV and the auth tag as object metadata
await s3.send(new PutObjectCommand({ Bucket, Key: 'report.txt', Body: report }))
console.log('stored report.txt')

// TODO (step 3): read report.txt back and decrypt it: KMS Decrypt for the data key, then AES-256-GCM locally
