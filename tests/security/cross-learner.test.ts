// Cross-learner: learner A creates a bucket with an object, a queue with a message and a secret; learner B tries to
// list, read, delete and reset them by every handle a curious student finds. On MiniStack A's resources live in
// another emulator B cannot reach; on the shared LocalStack the gateway pins B to B's account and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LearnerRef } from '@/lib/environments/spawner'
import { closeAll, freshLearner, run, type Backend } from './support'

afterAll(closeAll)

const stamp = Date.now()
const SECRET_TEXT = 'A-PRIVATE-OBJECT'
const MESSAGE_TEXT = 'A-PRIVATE-MESSAGE'
const SECRET_VALUE = 'A-PRIVATE-SECRET'

const CLIENTS = `import { S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, ListBucketsCommand, DeleteBucketCommand, CopyObjectCommand } from '@aws-sdk/client-s3'
import { SQSClient, CreateQueueCommand, SendMessageCommand, ReceiveMessageCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs'
import { SecretsManagerClient, CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts'
`

type Owned = { bucket: string; queueName: string; queueUrl: string; secretName: string; secretArn: string }

const setUp = (names: Omit<Owned, 'queueUrl' | 'secretArn'>) => `${CLIENTS}
const s3 = new S3Client({})
await s3.send(new CreateBucketCommand({ Bucket: '${names.bucket}' }))
await s3.send(new PutObjectCommand({ Bucket: '${names.bucket}', Key: 'secret.txt', Body: '${SECRET_TEXT}' }))
const sqs = new SQSClient({})
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: '${names.queueName}' }))
await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '${MESSAGE_TEXT}' }))
const { ARN } = await new SecretsManagerClient({}).send(new CreateSecretCommand({ Name: '${names.secretName}', SecretString: '${SECRET_VALUE}' }))
console.log(JSON.stringify({ queueUrl: QueueUrl, secretArn: ARN }))`

type Attack = {
  name: string
  cell: (a: Owned, accountA: string) => string
  /** What B is told, per backend. */
  told: Record<Backend, RegExp>
}

const readObject = (client: string, a: Owned) => `${CLIENTS}
const s3 = ${client}
const answer = await s3.send(new GetObjectCommand({ Bucket: '${a.bucket}', Key: 'secret.txt' }))
console.log(await answer.Body.transformToString())`

const NOT_YOURS =
  /^CloudbookCrossAccountDenied: The bucket "xl-[a-z0-9-]+" belongs to another learner\. Choose a bucket name of your own\./

const attacks: Attack[] = [
  {
    name: "reads A's object by bucket name",
    cell: (a) => readObject('new S3Client({})', a),
    told: { ministack: /^NoSuchBucket: /, localstack: NOT_YOURS },
  },
  {
    name: "deletes A's bucket by name",
    cell: (a) =>
      `${CLIENTS}await new S3Client({}).send(new DeleteBucketCommand({ Bucket: '${a.bucket}' }))\nconsole.log('DELETED')`,
    told: { ministack: /^NoSuchBucket: /, localstack: NOT_YOURS },
  },
  {
    name: "signs with A's account id as access key",
    cell: (a, accountA) =>
      readObject(`new S3Client({ credentials: { accessKeyId: '${accountA}', secretAccessKey: 'test' } })`, a),
    told: {
      ministack: /^NoSuchBucket: /,
      localstack: /^CloudbookCrossAccountDenied: These credentials \(\d+\) are not yours/,
    },
  },
  {
    name: "assumes a role in A's account",
    cell: (a, accountA) => `${CLIENTS}
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::${accountA}:role/admin', RoleSessionName: 'b' }))
const s3 = new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken } })
const answer = await s3.send(new GetObjectCommand({ Bucket: '${a.bucket}', Key: 'secret.txt' }))
console.log(await answer.Body.transformToString())`,
    told: {
      ministack: /^NoSuchBucket: /,
      localstack: /^CloudbookCrossAccountDenied: This request names account \d{12}, which is not yours/,
    },
  },
  {
    name: "receives from A's queue by its URL",
    cell: (a) => `${CLIENTS}
const { Messages = [] } = await new SQSClient({}).send(new ReceiveMessageCommand({ QueueUrl: '${a.queueUrl}', WaitTimeSeconds: 0 }))
console.log(JSON.stringify(Messages.map((m) => m.Body)))`,
    told: {
      ministack: /QueueDoesNotExist|NonExistentQueue/,
      localstack: /^CloudbookCrossAccountDenied: This request names account \d{12}, which is not yours/,
    },
  },
  {
    name: "looks up A's queue URL with QueueOwnerAWSAccountId",
    cell: (a, accountA) => `${CLIENTS}
const { QueueUrl } = await new SQSClient({}).send(new GetQueueUrlCommand({ QueueName: '${a.queueName}', QueueOwnerAWSAccountId: '${accountA}' }))
console.log(QueueUrl)`,
    told: {
      ministack: /QueueDoesNotExist|NonExistentQueue/,
      localstack: /CloudbookCrossAccountDenied|QueueDoesNotExist|NonExistentQueue/,
    },
  },
  {
    name: "reads A's secret by name",
    cell: (a) => `${CLIENTS}
const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: '${a.secretName}' }))
console.log(SecretString)`,
    told: { ministack: /^ResourceNotFoundException: /, localstack: /^ResourceNotFoundException: / },
  },
  {
    name: "reads A's secret by ARN",
    cell: (a) => `${CLIENTS}
const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: '${a.secretArn}' }))
console.log(SecretString)`,
    told: {
      ministack: /^ResourceNotFoundException: /,
      localstack: /^CloudbookCrossAccountDenied: This request names account \d{12}, which is not yours/,
    },
  },
  {
    name: "copies A's object into a bucket of B's own (x-amz-copy-source)",
    cell: (a) => `${CLIENTS}
const s3 = new S3Client({})
const own = '${a.bucket}-b'
await s3.send(new CreateBucketCommand({ Bucket: own }))
await s3.send(new CopyObjectCommand({ Bucket: own, Key: 'stolen.txt', CopySource: '${a.bucket}/secret.txt' }))
const answer = await s3.send(new GetObjectCommand({ Bucket: own, Key: 'stolen.txt' }))
console.log(await answer.Body.transformToString())`,
    told: { ministack: /^NoSuch(Bucket|Key): /, localstack: /^CloudbookCrossAccountDenied: / },
  },
  {
    name: "reads A's object virtual-hosted style (bucket in the Host header)",
    cell: (a) => `${CLIENTS}
const s3 = new S3Client({ forcePathStyle: true })
s3.middlewareStack.add((next) => (args) => {
  args.request.headers.host = '${a.bucket}.s3.localhost.localstack.cloud:4566'
  args.request.path = '/secret.txt'
  return next(args)
}, { step: 'build' })
const answer = await s3.send(new GetObjectCommand({ Bucket: 'any-bucket-of-mine', Key: 'secret.txt' }))
console.log(await answer.Body.transformToString())`,
    told: { ministack: /^NoSuch(Bucket|Key): /, localstack: /^CloudbookHostRefused: .*path-style/ },
  },
  {
    name: 'sends an unsigned request for the object',
    cell: (a) => `const answer = await fetch('http://127.0.0.1:4566/${a.bucket}/secret.txt')
const text = await answer.text()
throw new Error(answer.status + ' ' + (answer.headers.get('x-amz-error-code') ?? text.slice(0, 200)))`,
    told: { ministack: /^Error: 404 /, localstack: /^Error: 403 CloudbookUnsignedRequest \(cell\.ts line 3\)$/ },
  },
]

const BACKENDS: { backend: Backend }[] = [{ backend: 'ministack' }, { backend: 'localstack' }]

describe.each(BACKENDS)('on $backend', ({ backend }) => {
  const alice: LearnerRef = freshLearner()
  const bob: LearnerRef = freshLearner()
  const names = {
    bucket: `xl-${backend}-${stamp}`,
    queueName: `xl-${backend}-${stamp}`,
    secretName: `xl/${backend}/${stamp}`,
  }
  let owned: Owned

  beforeAll(async () => {
    const { result, stdout } = await run(setUp(names), alice, { backend })
    expect(result, stdout).toEqual({ status: 'pass', expectations: [] })
    owned = { ...names, ...JSON.parse(stdout) }
  }, 60_000)

  it("B's bucket list does not show A's bucket", async () => {
    const { stdout } = await run(
      `${CLIENTS}const { Buckets = [] } = await new S3Client({}).send(new ListBucketsCommand({}))\nconsole.log(JSON.stringify(Buckets.map((b) => b.Name)))`,
      bob,
      { backend },
    )
    expect(JSON.parse(stdout)).not.toContain(names.bucket)
  })

  it.each(attacks)('B $name: refused, and told so', async ({ cell, told }) => {
    const { result, stdout } = await run(cell(owned, alice.accountId), bob, { backend })
    expect(stdout).not.toMatch(
      new RegExp(`${SECRET_TEXT}|${MESSAGE_TEXT}|${SECRET_VALUE}|DELETED|/${alice.accountId}/`),
    )
    expect(result.status).toBe('error')
    expect(result.message).toMatch(told[backend])
  })

  it("B's admin reset is refused and A's bucket, object, message and secret survive every attack", async () => {
    const reset = await run(
      "const r = await fetch('http://127.0.0.1:4566/_ministack/reset', { method: 'POST' })\nconsole.log(r.status)",
      bob,
      { backend },
    )
    expect(reset.stdout).toBe('403\n')
    const { result, stdout } = await run(
      `${CLIENTS}
const object = await new S3Client({}).send(new GetObjectCommand({ Bucket: '${names.bucket}', Key: 'secret.txt' }))
const { Messages = [] } = await new SQSClient({}).send(new ReceiveMessageCommand({ QueueUrl: '${owned.queueUrl}', WaitTimeSeconds: 0 }))
const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: '${names.secretName}' }))
console.log(JSON.stringify([await object.Body.transformToString(), Messages.map((m) => m.Body), SecretString]))`,
      alice,
      { backend },
    )
    expect(result, stdout).toEqual({ status: 'pass', expectations: [] })
    expect(JSON.parse(stdout)).toEqual([SECRET_TEXT, [MESSAGE_TEXT], SECRET_VALUE])
  })
})
