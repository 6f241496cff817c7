import { GetObjectCommand, HeadObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3'
import { createHash, createHmac } from 'node:crypto'
import { expectEqual, expectTrue, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'

const PREFIX = 'presignlab-'
const REPORT = 'reports/q3.csv'
const LINK = 'share/q3-link.txt'
const UPLOAD = 'uploads/receipt.txt'
// the address the SDK is given in the sandbox: the only place a link may point to
const ENDPOINT = new URL(process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566')

async function text(s3: S3Client, Bucket: string, Key: string): Promise<string | undefined> {
  try {
    const { Body } = await s3.send(new GetObjectCommand({ Bucket, Key }))
    return await Body?.transformToString()
  } catch {
    return undefined
  }
}

/** What the saved link is: which object it signs and for how long, or why it is not a presigned GET. */
function describeLink(raw: string | undefined, Bucket: string) {
  if (raw === undefined) return { problem: `no ${LINK}` }
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return { problem: `${LINK} does not hold a URL` }
  }
  const q = url.searchParams
  if (!q.get('X-Amz-Signature') || !q.get('X-Amz-Credential')) return { problem: 'a URL without a signature' }
  const path = decodeURIComponent(url.pathname)
  const key = path.startsWith(`/${Bucket}/`)
    ? path.slice(Bucket.length + 2)
    : url.hostname.startsWith(`${Bucket}.`)
      ? path.slice(1)
      : undefined
  if (key === undefined) return { problem: 'a link to another bucket' }
  if (key !== REPORT) return { problem: `a link to ${key}` }
  const operation = q.get('x-id')
  if (operation && operation !== 'GetObject') return { problem: `a signed ${operation}, not a GetObject` }
  return { url, expires: Number(q.get('X-Amz-Expires') ?? 0) }
}

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * Recomputes the link's Signature Version 4 query signature with the account's own secret, as S3 does when the link
 * is used: not every emulator verifies presigned signatures, and a hand-made URL must not pass for a signed one.
 */
function signatureProblem(url: URL, secret: string, now = Date.now()): string | undefined {
  const q = url.searchParams
  const amzDate = q.get('X-Amz-Date') ?? ''
  const [, date, region, service] =
    /^[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/.exec(q.get('X-Amz-Credential') ?? '') ?? []
  if (
    q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' ||
    !date ||
    !region ||
    !service ||
    !/^\d{8}T\d{6}Z$/.test(amzDate)
  )
    return 'not a Signature Version 4 link'
  if ((q.get('X-Amz-SignedHeaders') ?? '') !== 'host') return 'signs headers a browser would not send'
  const signedAt = Date.UTC(
    +amzDate.slice(0, 4),
    +amzDate.slice(4, 6) - 1,
    +amzDate.slice(6, 8),
    +amzDate.slice(9, 11),
    +amzDate.slice(11, 13),
    +amzDate.slice(13, 15),
  )
  if (now > signedAt + Number(q.get('X-Amz-Expires') ?? 0) * 1000) return 'the link has expired'
  const query = [...q.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const canonical = [
    'GET',
    url.pathname,
    query,
    `host:${url.host}\n`,
    'host',
    q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
  ].join('\n')
  const scope = `${date}/${region}/${service}/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n')
  let key: Buffer = Buffer.from(`AWS4${secret}`)
  for (const part of [date, region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest()
  const signature = createHmac('sha256', key).update(toSign).digest('hex')
  return signature === q.get('X-Amz-Signature') ? undefined : 'the signature does not match'
}

/** Uses the link the way its recipient would: a plain GET with no credentials. */
async function tryLink(url: URL): Promise<{ status: number; body: string } | string> {
  if (url.host !== ENDPOINT.host || url.protocol !== ENDPOINT.protocol) return 'the link points away from S3'
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) })
    const body = await response.text()
    return { status: response.status, body }
  } catch (error) {
    return `the request failed (${error instanceof Error ? error.message : String(error)})`
  }
}

async function inspect(s3: S3Client, Bucket: string, calls: CheckContext['calls']): Promise<Expectation[]> {
  const report = await text(s3, Bucket, REPORT)
  const link = describeLink(await text(s3, Bucket, LINK), Bucket)

  let works = 'no presigned link to try'
  let worksOk = false
  const { secretAccessKey } = await s3.config.credentials()
  const forged = link.url && signatureProblem(link.url, secretAccessKey)
  if (forged) works = forged
  else if (link.url) {
    const answer = await tryLink(link.url)
    if (typeof answer === 'string') works = answer
    else {
      worksOk = answer.status === 200 && answer.body === report
      const reason = /<Message>([^<]*)<\/Message>/.exec(answer.body)?.[1]
      works = worksOk
        ? 'HTTP 200 with the report'
        : answer.status === 200
          ? 'HTTP 200 but not the report'
          : `HTTP ${answer.status}${reason ? `: ${reason}` : ''}`
    }
  }

  let uploaded = 'missing'
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: UPLOAD }))
    uploaded = head.ContentLength ? 'uploaded' : 'empty'
  } catch {
    // not uploaded yet
  }
  // the timeline of the last run: it must have built this bucket, and must not have uploaded the receipt itself
  const mine = calls.filter((c) => c.ok && c.params?.Bucket === Bucket)
  const ranHere = mine.some((c) => c.operation === 'CreateBucket')
  const sdkPut = mine.some((c) => c.operation === 'PutObject' && c.params?.Key === UPLOAD)
  const via = !calls.length
    ? 'no run recorded yet'
    : !ranHere
      ? 'this bucket was not created by your last run'
      : sdkPut
        ? `s3.send(new PutObjectCommand(…${UPLOAD}…)) in your last run`
        : 'no SDK upload of it in your last run'

  return [
    ...inStep(2, [
      expectEqual(
        `Link saved in ${LINK}`,
        link.problem ?? `a presigned GET of ${REPORT}`,
        `a presigned GET of ${REPORT}`,
        `Sign new GetObjectCommand({ Bucket, Key: '${REPORT}' }) with getSignedUrl and store the URL it returns as ${LINK}.`,
      ),
      expectTrue(
        'Link lifetime (X-Amz-Expires)',
        link.expires !== undefined && link.expires >= 60 && link.expires <= 3600,
        {
          expected: '60 to 3600 seconds',
          actual: link.expires !== undefined ? `${link.expires} seconds` : 'no presigned link',
          hint: 'Pass { expiresIn: 900 } to getSignedUrl: a share link should live for minutes, not days.',
        },
      ),
      expectEqual(
        'Opening the link without credentials',
        works,
        'HTTP 200 with the report',
        works.includes('expired')
          ? 'The link has expired, which is exactly what an expiry is for: run your code again to sign a fresh one.'
          : 'The check sends a plain GET to the saved URL, as the person you share it with would.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        `${UPLOAD} in the bucket`,
        uploaded,
        'uploaded',
        `Sign new PutObjectCommand({ Bucket, Key: '${UPLOAD}' }) and send the receipt with fetch(url, { method: 'PUT', body }).`,
      ),
      expectTrue(`${UPLOAD} came through the presigned URL`, ranHere && !sdkPut, {
        expected: 'no SDK upload of it in your last run',
        actual: via,
        hint: !calls.length
          ? 'Run your code, then Check: this expectation reads the calls of your last run.'
          : ranHere
            ? 'The uploader has no AWS credentials: the backend only signs the PUT, and the upload itself is a plain fetch().'
            : 'Run your code again: this expectation reads the calls of the run that created the bucket.',
      }),
    ]),
  ]
}

/** Looks at every lab bucket in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const s3 = new S3Client({})
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
  const names = Buckets.map((b) => b.Name ?? '').filter((n) => n.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Lab bucket exists',
    status: names.length ? 'pass' : 'fail',
    expected: `a bucket named ${PREFIX}…`,
    actual: names.length ? names.join(', ') : 'none',
    hint: names.length ? undefined : 'Run your code first: the starter creates the bucket and the report.',
  }
  if (!names.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const name of names) {
    const expectations = await inspect(s3, name, calls)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
