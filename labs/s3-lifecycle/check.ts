import {
  GetBucketLifecycleConfigurationCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  S3Client,
  type LifecycleRule,
} from '@aws-sdk/client-s3'
import { expectEqual, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'lifecyclelab-'

async function lifecycleRules(s3: S3Client, Bucket: string): Promise<LifecycleRule[]> {
  try {
    const { Rules = [] } = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket }))
    return Rules
  } catch {
    // NoSuchLifecycleConfiguration: no rules yet
    return []
  }
}

/** The prefix a rule applies to, whichever way the filter is written; undefined when it filters on tags or size. */
function prefixOf(rule: LifecycleRule): string | undefined {
  const filter = rule.Filter
  if (filter?.Tag || filter?.And?.Tags?.length) return undefined
  if (filter?.And) return filter.And.Prefix ?? ''
  return filter?.Prefix ?? rule.Prefix ?? ''
}

const status = (rule: LifecycleRule | undefined) =>
  rule && rule.Status !== 'Enabled' ? ` (rule is ${rule.Status})` : ''

async function inspect(s3: S3Client, Bucket: string): Promise<Expectation[]> {
  const rules = await lifecycleRules(s3, Bucket)
  const logs = rules.find((r) => prefixOf(r) === 'logs/' && (r.Transitions?.length || r.Expiration))
  const wide = rules.find(
    (r) => prefixOf(r) === '' && (r.NoncurrentVersionExpiration || r.AbortIncompleteMultipartUpload),
  )
  const noRules = rules.length ? 'no such rule' : 'no lifecycle configuration'

  const transitions = logs
    ? [...(logs.Transitions ?? [])]
        .sort((a, b) => (a.Days ?? 0) - (b.Days ?? 0))
        .map((t) => `${t.Days ?? '?'} days → ${t.StorageClass ?? '?'}`)
        .join(', ') || 'no transitions'
    : noRules
  const expiration = logs ? (logs.Expiration?.Days ? `${logs.Expiration.Days} days` : 'never') : noRules
  const noncurrent = wide?.NoncurrentVersionExpiration?.NoncurrentDays
  const abort = wide?.AbortIncompleteMultipartUpload?.DaysAfterInitiation

  let storageClass = 'missing'
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'archive/2019-audit.zip' }))
    storageClass = head.StorageClass ?? 'STANDARD'
  } catch {
    // not uploaded yet
  }

  return [
    ...inStep(2, [
      expectEqual(
        'Transitions of the logs/ rule',
        transitions + status(logs),
        '30 days → GLACIER_IR, 180 days → DEEP_ARCHIVE',
        rules.length && !logs
          ? 'No rule filters on the prefix logs/. Remember that every PutBucketLifecycleConfigurationCommand replaces all rules: send both rules in one call.'
          : 'Give a rule with Filter: { Prefix: "logs/" } and Status "Enabled" two Transitions: GLACIER_IR after 30 days, DEEP_ARCHIVE after 180.',
      ),
      expectEqual(
        'Expiration of the logs/ rule',
        expiration,
        '2555 days',
        'Add Expiration: { Days: 2555 } to the logs/ rule so logs are deleted after seven years.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Bucket-wide rule: noncurrent versions expire after',
        wide && noncurrent !== undefined ? `${noncurrent} days${status(wide)}` : rules.length ? 'not set' : noRules,
        '30 days',
        rules.length && !wide
          ? 'Add a second rule with Filter: { Prefix: "" } in the same call, with NoncurrentVersionExpiration: { NoncurrentDays: 30 }.'
          : 'In a versioned bucket old versions stay (and are billed) until NoncurrentVersionExpiration deletes them.',
      ),
      expectEqual(
        'Bucket-wide rule: incomplete multipart uploads aborted after',
        wide && abort !== undefined ? `${abort} days${status(wide)}` : rules.length ? 'not set' : noRules,
        '7 days',
        'Add AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } to the bucket-wide rule.',
      ),
    ]),
    ...inStep(4, [
      expectEqual(
        'Storage class of archive/2019-audit.zip',
        storageClass,
        'DEEP_ARCHIVE',
        storageClass === 'missing'
          ? 'Upload archive/2019-audit.zip with PutObjectCommand.'
          : 'Pass StorageClass: "DEEP_ARCHIVE" to PutObjectCommand to store the object in Deep Archive from the start.',
      ),
    ]),
  ]
}

/** Looks at every lab bucket in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const s3 = new S3Client({})
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
  const names = Buckets.map((b) => b.Name ?? '').filter((n) => n.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Lab bucket exists',
    status: names.length ? 'pass' : 'fail',
    expected: `a bucket named ${PREFIX}…`,
    actual: names.length ? names.join(', ') : 'none',
    hint: names.length ? undefined : 'Run your code first: the starter creates the bucket.',
  }
  if (!names.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const name of names) {
    const expectations = await inspect(s3, name)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
