import { describe, expect, it } from 'vitest'
import {
  accountsNamed,
  adminRefusal,
  bucketOf,
  copySourceBucket,
  hostRefusal,
  issuedAccessKeys,
  pinRefusal,
  refusalBody,
  signatureOf,
} from './gateway-policy'

const SIGNED = (key: string, service = 's3') => ({
  authorization: `AWS4-HMAC-SHA256 Credential=${key}/20261204/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=abc`,
})

describe('gateway policy', () => {
  it.each([
    '/_ministack/reset',
    '/_localstack/health',
    '/_aws/sqs/messages',
    '/%5Fministack/reset',
    '/%5fministack/config',
    '//_ministack/config',
    '/\\_ministack/reset',
    'http://127.0.0.1:4566/_ministack/reset',
  ])('refuses the admin path %s and says what to use instead', (target) => {
    expect(adminRefusal(target)).toMatchObject({
      status: 403,
      message: expect.stringMatching(/admin endpoints .* Reset/),
    })
  })

  it('lets AWS paths through, including keys that start with "_"', () => {
    expect(adminRefusal('/my-bucket/_meta/notes.txt')).toBeUndefined()
    expect(adminRefusal('/?Action=ListQueues')).toBeUndefined()
    expect(adminRefusal('/123456789012/queue-name')).toBeUndefined()
  })

  it('refuses paths that cannot be decoded', () => {
    expect(adminRefusal('/%E0%A4%A')).toMatchObject({ status: 400 })
  })

  it('reads the signing key from the header or a presigned URL', () => {
    expect(signatureOf(SIGNED('123456789012'), '/b')).toEqual({ accessKeyId: '123456789012', service: 's3' })
    const presigned = '/b/k?X-Amz-Credential=123456789012%2F20261204%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=x'
    expect(signatureOf({}, presigned)).toEqual({ accessKeyId: '123456789012', service: 's3' })
    expect(signatureOf({}, '/b')).toBeUndefined()
  })

  const me = { accountId: '111111111111', temporaryKeys: new Set(['ASIATEMPKEY']) }

  it('pins shared-emulator requests to the learner', () => {
    expect(pinRefusal({ accessKeyId: '111111111111', service: 's3' }, me, '/b')).toBeUndefined()
    expect(pinRefusal({ accessKeyId: 'ASIATEMPKEY', service: 's3' }, me, '/b')).toBeUndefined()
    expect(pinRefusal({ accessKeyId: '222222222222', service: 's3' }, me, '/b')).toMatchObject({
      code: 'CloudbookCrossAccountDenied',
      message: expect.stringMatching(/not yours: your code runs as your own account 111111111111/),
    })
    expect(pinRefusal(undefined, me, '/b')).toMatchObject({ code: 'CloudbookUnsignedRequest' })
  })

  it('refuses requests that name another account in an ARN or a queue URL', () => {
    const sig = { accessKeyId: '111111111111', service: 'sts' }
    const assume = 'Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2Fx&RoleSessionName=s'
    expect(pinRefusal(sig, me, `/\n${assume}`)).toMatchObject({
      message: expect.stringMatching(/names account 222222222222/),
    })
    expect(pinRefusal(sig, me, '/222222222222/their-queue')).toMatchObject({ code: 'CloudbookCrossAccountDenied' })
    expect(pinRefusal(sig, me, '/\nTopicArn=arn:aws:sns:us-east-1:111111111111:mine')).toBeUndefined()
    expect(accountsNamed('arn:aws:iam::aws:policy/ReadOnlyAccess')).toEqual(new Set())
  })

  it('learns temporary keys from STS answers (XML and JSON)', () => {
    expect(issuedAccessKeys('<Credentials><AccessKeyId>ASIAXYZ123</AccessKeyId></Credentials>')).toEqual(['ASIAXYZ123'])
    expect(issuedAccessKeys('{"Credentials":{"AccessKeyId":"ASIAJSON99"}}')).toEqual(['ASIAJSON99'])
  })

  it('finds the bucket of a path-style request', () => {
    expect(bucketOf('/my-bucket/key.txt')).toBe('my-bucket')
    expect(bucketOf('/')).toBeUndefined()
  })

  it('answers in the protocol the SDK parses', () => {
    const refusal = { status: 403, code: 'CloudbookX', message: 'a < b' }
    expect(refusalBody(refusal, 'application/x-amz-json-1.0')).toEqual({
      type: 'application/x-amz-json-1.1',
      body: JSON.stringify({ __type: 'CloudbookX', message: 'a < b' }),
    })
    expect(refusalBody(refusal, undefined).body).toContain('<Code>CloudbookX</Code><Message>a &lt; b</Message>')
  })

  it('refuses virtual-hosted tricks on a shared emulator: only the sandbox address may be the Host', () => {
    expect(hostRefusal('127.0.0.1:4566')).toBeUndefined()
    expect(hostRefusal('localhost:4566')).toBeUndefined()
    expect(hostRefusal('their-bucket.s3.localhost.localstack.cloud:4566')).toMatchObject({
      code: 'CloudbookHostRefused',
      message: expect.stringMatching(/path-style/),
    })
    // the SDK's own operation host prefixes (StartSyncExecution → "sync-") are not bucket names
    expect(hostRefusal('sync-127.0.0.1:4566')).toBeUndefined()
    expect(hostRefusal('their-bucket.127.0.0.1:4566')).toMatchObject({ code: 'CloudbookHostRefused' })
    expect(hostRefusal('their.bucket-127.0.0.1:4566')).toMatchObject({ code: 'CloudbookHostRefused' })
  })

  it('reads the bucket a copy comes from', () => {
    expect(copySourceBucket('their-bucket/secret.txt')).toBe('their-bucket')
    expect(copySourceBucket('/their-bucket/secret.txt?versionId=1')).toBe('their-bucket')
    expect(copySourceBucket('%2Ftheir-bucket%2Fsecret.txt')).toBe('their-bucket')
    expect(copySourceBucket(undefined)).toBeUndefined()
  })

  it('sees the queue owner named outright', () => {
    expect(accountsNamed('{"QueueName":"q","QueueOwnerAWSAccountId":"222222222222"}')).toEqual(
      new Set(['222222222222']),
    )
    expect(accountsNamed('Action=GetQueueUrl&QueueName=q&QueueOwnerAWSAccountId=222222222222')).toEqual(
      new Set(['222222222222']),
    )
  })
})
