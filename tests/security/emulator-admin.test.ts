// Emulator admin endpoints (/_ministack/…, /_localstack/…, /_aws/…) reset, reconfigure or list every account's
// data. The gateway drops them, however the path is spelled, and says why; the learner's resources survive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_MESSAGE, ADMIN_REFUSAL, closeAll, freshLearner, run, type Backend } from './support'

afterAll(closeAll)

/** Fetches the emulator address with a raw path and prints the answer's status and error code. */
const probe = (
  rawPath: string,
  method = 'GET',
) => `const answer = await fetch('http://127.0.0.1:4566${rawPath}', { method: '${method}' })
console.log(JSON.stringify({ status: answer.status, code: answer.headers.get('x-amz-error-code'), body: (await answer.text()).slice(0, 400) }))`

type Answer = { status: number; code: string | null; body: string }
const answerOf = (stdout: string): Answer => JSON.parse(stdout)

const BUCKET = `admin-survivor-${Date.now()}`
const createBucket = `import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3'
await new S3Client({}).send(new CreateBucketCommand({ Bucket: '${BUCKET}' }))`
const listBuckets = `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3'
const { Buckets = [] } = await new S3Client({}).send(new ListBucketsCommand({}))
console.log(JSON.stringify(Buckets.map((b) => b.Name)))`

const cases: { backend: Backend; paths: [string, string][] }[] = [
  {
    backend: 'ministack',
    paths: [
      ['/_ministack/reset', 'POST'],
      ['/%5Fministack/reset', 'POST'],
      ['/%5fministack/config', 'POST'],
      ['//_ministack/config', 'POST'],
      ['/_ministack/sqs/messages', 'GET'],
      ['/_localstack/health', 'GET'],
    ],
  },
  {
    backend: 'localstack',
    paths: [
      ['/_localstack/health', 'GET'],
      ['/_aws/sqs/messages', 'GET'],
      ['//_localstack/health', 'GET'],
      ['/%5Flocalstack/state/reset', 'POST'],
    ],
  },
]

describe.each(cases)('on $backend', ({ backend, paths }) => {
  const learner = freshLearner()
  beforeAll(async () => {
    expect((await run(createBucket, learner, { backend })).result.status).toBe('pass')
  })

  it.each(paths)('%s (%s) is refused by the gateway with a message', async (rawPath, method) => {
    const { stdout } = await run(probe(rawPath, method), learner, { backend })
    const answer = answerOf(stdout)
    expect(answer.status).toBe(403)
    expect(answer.code).toMatch(ADMIN_REFUSAL)
    expect(answer.body).toMatch(ADMIN_MESSAGE)
  })

  it("an SDK client whose endpoint is an admin path gets the gateway's message as its error", async () => {
    const { result } = await run(
      "import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3'\nawait new S3Client({ endpoint: 'http://127.0.0.1:4566/_ministack' }).send(new ListBucketsCommand({}))",
      learner,
      { backend },
    )
    expect(result.message).toMatch(
      /^CloudbookBlockedAdminEndpoint: Cloudbook blocks the emulator's own admin endpoints/,
    )
  })

  it('after every attempt the learner still has their bucket', async () => {
    expect(JSON.parse((await run(listBuckets, learner, { backend })).stdout)).toContain(BUCKET)
  })
})
