import {
  DecryptCommand,
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  type AliasListEntry,
  type KeyMetadata,
} from '@aws-sdk/client-kms'
import { GetObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3'
import { Buffer } from 'node:buffer'
import { createDecipheriv } from 'node:crypto'
import { expectEqual, expectTrue, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'

const PREFIX = 'envlab-'
const REPORT = 'Quarterly report: revenue 48,210 EUR, 1,093 orders, 3 refunds. Confidential.'
const ENVELOPE = ['encrypted-data-key', 'iv', 'tag']

type Stored = { body: Buffer; metadata: Record<string, string> }

async function readObject(s3: S3Client, Bucket: string): Promise<Stored | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket, Key: 'report.txt' }))
    return { body: Buffer.from((await object.Body?.transformToByteArray()) ?? []), metadata: object.Metadata ?? {} }
  } catch {
    return undefined
  }
}

/** Opens the envelope the way the learner's code should: KMS for the data key, AES-256-GCM locally for the data. */
async function openEnvelope(kms: KMSClient, stored: Stored, key: KeyMetadata | undefined) {
  const { metadata } = stored
  if (!ENVELOPE.every((k) => metadata[k]))
    return { wrap: 'no encrypted-data-key metadata', text: 'no envelope', key: undefined }
  let plaintextKey: Uint8Array | undefined
  let wrappedBy: string | undefined
  try {
    const out = await kms.send(
      new DecryptCommand({ CiphertextBlob: Buffer.from(metadata['encrypted-data-key'] ?? '', 'base64') }),
    )
    plaintextKey = out.Plaintext
    wrappedBy = out.KeyId
  } catch (error) {
    const reason = `KMS refused it (${error instanceof Error ? error.name : 'error'})`
    return { wrap: reason, text: 'data key unavailable', key: undefined }
  }
  const wrap =
    wrappedBy && key?.Arn && wrappedBy === key.Arn ? 'the lab key' : `another key (${wrappedBy ?? 'unknown'})`
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      plaintextKey ?? new Uint8Array(32),
      Buffer.from(metadata.iv ?? '', 'base64'),
    )
    decipher.setAuthTag(Buffer.from(metadata.tag ?? '', 'base64'))
    const text = Buffer.concat([decipher.update(stored.body), decipher.final()]).toString('utf8')
    return { wrap, text: text === REPORT ? 'the original report' : 'different text', key: plaintextKey }
  } catch {
    return { wrap, text: 'AES-GCM authentication failed (wrong IV, tag or key)', key: plaintextKey }
  }
}

async function inspect(kms: KMSClient, s3: S3Client, id: string, keys: KeyMetadata[], aliases: AliasListEntry[]) {
  const alias = aliases.find((a) => a.AliasName === `alias/${id}`)
  const key = keys.find((k) => k.KeyId === alias?.TargetKeyId) ?? keys.find((k) => k.Description === id)
  let rotation = 'no lab key'
  if (key?.KeyId) {
    try {
      rotation = (await kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }))).KeyRotationEnabled
        ? 'enabled'
        : 'disabled'
    } catch (error) {
      rotation = error instanceof Error ? error.name : 'unknown'
    }
  }
  const stored = await readObject(s3, id)
  const readable = stored ? stored.body.toString('utf8').includes('Quarterly report') : false
  const present = stored ? ENVELOPE.filter((k) => stored.metadata[k]) : []
  const opened = stored ? await openEnvelope(kms, stored, key) : undefined
  const exposed =
    opened?.key !== undefined &&
    Object.values(stored?.metadata ?? {}).some((v) => {
      const raw = Buffer.from(opened.key ?? [])
      return v === raw.toString('base64') || v.toLowerCase() === raw.toString('hex')
    })
  return [
    ...inStep(1, [
      expectEqual(
        'Alias of the lab key',
        alias ? (alias.AliasName ?? '') : 'none',
        `alias/${id}`,
        `CreateAliasCommand({ AliasName: 'alias/${id}', TargetKeyId: KeyId }).`,
      ),
      expectEqual('Automatic rotation of the lab key', rotation, 'enabled', 'EnableKeyRotationCommand({ KeyId }).'),
    ]),
    ...inStep(2, [
      expectEqual(
        'report.txt as stored in S3',
        !stored ? 'missing' : readable ? 'readable plaintext' : 'ciphertext',
        'ciphertext',
        'Encrypt the report with createCipheriv("aes-256-gcm", dataKey.Plaintext, iv) before PutObject.',
      ),
      expectEqual(
        'Envelope metadata on report.txt',
        present.join(', ') || 'none',
        ENVELOPE.join(', '),
        "Store Metadata: { 'encrypted-data-key': <CiphertextBlob, base64>, iv: <base64>, tag: <cipher.getAuthTag(), base64> }.",
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'KMS key that wraps the stored data key',
        opened?.wrap ?? 'no report.txt',
        'the lab key',
        `Generate the data key with GenerateDataKeyCommand({ KeyId: 'alias/${id}', KeySpec: 'AES_256' }).`,
      ),
      expectEqual(
        'report.txt after decryption',
        opened?.text ?? 'no report.txt',
        'the original report',
        'Decrypt with the same 12-byte IV and the auth tag that the cipher produced.',
      ),
      expectTrue('Plaintext data key kept out of the stored object', opened?.key !== undefined && !exposed, {
        expected: 'only the encrypted data key is stored',
        actual:
          opened?.key === undefined
            ? 'no decryptable data key stored yet'
            : exposed
              ? 'the plaintext data key is in the metadata'
              : 'only the encrypted data key is stored',
        hint: 'Store dataKey.CiphertextBlob, never dataKey.Plaintext: whoever reads the object could decrypt it.',
      }),
    ]),
  ]
}

/** Looks at every lab bucket in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const kms = new KMSClient({})
  const s3 = new S3Client({})
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
  const ids = Buckets.map((b) => b.Name ?? '').filter((n) => n.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Lab bucket exists',
    status: ids.length ? 'pass' : 'fail',
    expected: `a bucket named ${PREFIX}…`,
    actual: ids.length ? ids.join(', ') : 'none',
    hint: ids.length ? undefined : 'Run your code first: the starter creates the bucket and the key.',
  }
  if (!ids.length) return resultOf([found])
  const { Aliases = [] } = await kms.send(new ListAliasesCommand({}))
  const keys: KeyMetadata[] = []
  for (const { KeyId } of (await kms.send(new ListKeysCommand({}))).Keys ?? []) {
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId }))
    if (KeyMetadata?.Description?.startsWith(PREFIX)) keys.push(KeyMetadata)
  }
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const id of ids) {
    const expectations = await inspect(kms, s3, id, keys, Aliases)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  // Decrypting leaves no trace in the account: the last Run's call timeline shows whether the code did it.
  const generated = calls.findIndex((c) => c.operation === 'GenerateDataKey' && c.ok)
  const decrypted = calls.findIndex((c, i) => generated !== -1 && i > generated && c.operation === 'Decrypt' && c.ok)
  return resultOf([
    found,
    ...best,
    ...inStep(3, [
      expectTrue('KMS Decrypt after GenerateDataKey in your last run', decrypted !== -1, {
        expected: 'GenerateDataKey, then Decrypt of the stored data key',
        actual: !calls.length
          ? 'no calls recorded (run your code, then check)'
          : generated === -1
            ? 'no GenerateDataKey'
            : decrypted === -1
              ? 'no Decrypt after it'
              : `GenerateDataKey (call ${generated + 1}), Decrypt (call ${decrypted + 1})`,
        hint: 'Read report.txt back, send the encrypted-data-key metadata to DecryptCommand and decrypt locally.',
      }),
    ]),
  ])
}
