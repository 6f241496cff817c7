import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  EnableKeyRotationCommand,
  GenerateDataKeyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
} from '@aws-sdk/client-kms'
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { Buffer } from 'node:buffer'
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

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

// Step 1: code refers to the alias, so the key behind it can change without a deployment; rotation adds new key
// material every year while old ciphertexts stay decryptable.
await kms.send(new CreateAliasCommand({ AliasName: `alias/${id}`, TargetKeyId: KeyId }))
await kms.send(new EnableKeyRotationCommand({ KeyId, RotationPeriodInDays: 365 }))
const rotation = await kms.send(new GetKeyRotationStatusCommand({ KeyId }))
console.log('rotation enabled:', rotation.KeyRotationEnabled, 'every', rotation.RotationPeriodInDays, 'days')

// Step 2: one KMS call returns a fresh 256-bit data key twice: in plaintext, and encrypted under the KMS key.
const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: `alias/${id}`, KeySpec: 'AES_256' }))
if (!dataKey.Plaintext || !dataKey.CiphertextBlob) throw new Error('GenerateDataKey returned no key')
const iv = randomBytes(12) // a GCM nonce must never repeat for the same key
const cipher = createCipheriv('aes-256-gcm', dataKey.Plaintext, iv)
const ciphertext = Buffer.concat([cipher.update(report, 'utf8'), cipher.final()])
await s3.send(
  new PutObjectCommand({
    Bucket,
    Key: 'report.txt',
    Body: ciphertext,
    // the envelope: everything needed to decrypt, except the KMS key itself
    Metadata: {
      'encrypted-data-key': Buffer.from(dataKey.CiphertextBlob).toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
  }),
)
dataKey.Plaintext.fill(0) // forget the plaintext data key as soon as the data is encrypted
console.log('stored report.txt:', ciphertext.length, 'bytes of ciphertext')

// Step 3: only the small encrypted data key goes to KMS; the data is decrypted locally.
const object = await s3.send(new GetObjectCommand({ Bucket, Key: 'report.txt' }))
const stored = Buffer.from((await object.Body?.transformToByteArray()) ?? [])
const envelope = object.Metadata ?? {}
const { Plaintext: key, KeyId: wrappedBy } = await kms.send(
  new DecryptCommand({ CiphertextBlob: Buffer.from(envelope['encrypted-data-key'] ?? '', 'base64') }),
)
if (!key) throw new Error('Decrypt returned no key')
const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv ?? '', 'base64'))
decipher.setAuthTag(Buffer.from(envelope.tag ?? '', 'base64'))
const plaintext = Buffer.concat([decipher.update(stored), decipher.final()]).toString('utf8')
console.log('data key was wrapped by', wrappedBy)
console.log('decrypted:', plaintext, '| matches:', plaintext === report)
