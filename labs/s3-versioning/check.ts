import { GetBucketVersioningCommand, ListBucketsCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3'
import { expectAtLeast, expectCalledBefore, expectEqual, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'

const PREFIX = 'cloudbook-lab-'

async function inspect(s3: S3Client, bucket: string) {
  const { Status } = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))
  const { Versions = [] } = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'notes.txt' }))
  const versions = Versions.filter((v) => v.Key === 'notes.txt' && v.VersionId && v.VersionId !== 'null').length
  return [
    ...inStep(2, [
      expectEqual(
        'Bucket versioning',
        Status ?? 'Off (never enabled)',
        'Enabled',
        'Call PutBucketVersioningCommand with Status: "Enabled" before uploading.',
      ),
    ]),
    ...inStep(3, [expectAtLeast('Versions of notes.txt', versions, 2, 'Upload notes.txt twice after versioning is on.')]),
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
    hint: names.length ? undefined : 'Run your code first: it should create the bucket.',
  }
  if (!names.length) return resultOf([found])
  let best: Expectation[] = []
  for (const name of names) {
    const expectations = await inspect(s3, name)
    if (
      !best.length ||
      expectations.filter((e) => e.status === 'pass').length > best.filter((e) => e.status === 'pass').length
    ) {
      best = expectations
    }
  }
  // the timeline of the learner's last Run: versioning switched on after the first upload leaves a null version
  const order = inStep(2, [
    expectCalledBefore(
      calls,
      'PutBucketVersioning',
      'PutObject',
      'Objects uploaded before versioning is on keep the version id "null": turn it on first, then upload.',
    ),
  ])
  return resultOf([found, ...best, ...order])
}
