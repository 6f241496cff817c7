import {
  GetBucketNotificationConfigurationCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  S3Client,
  type QueueConfiguration,
} from '@aws-sdk/client-s3'
import { GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectEqual, expectTrue, firstCall, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'

const PREFIX = 's3eventlab-'

type Statement = {
  Effect?: string
  Principal?: string | { Service?: string | string[] }
  Action?: string | string[]
  Condition?: Record<string, Record<string, string | string[]>>
}
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** What the queue policy grants S3, in words. */
function policyFor(policy: string | undefined, bucketArn: string): string {
  if (!policy) return 'no queue policy'
  let statements: Statement[]
  try {
    const parsed: { Statement?: Statement | Statement[] } = JSON.parse(policy)
    statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : []
  } catch {
    return 'a policy that is not valid JSON'
  }
  const forS3 = statements.filter(
    (s) =>
      s.Effect === 'Allow' &&
      typeof s.Principal === 'object' &&
      list(s.Principal.Service).includes('s3.amazonaws.com') &&
      list(s.Action).some((a) => ['sqs:sendmessage', 'sqs:*'].includes(a.toLowerCase())),
  )
  if (!forS3.length) return 'no statement allowing s3.amazonaws.com to sqs:SendMessage'
  const scoped = forS3.some((s) =>
    Object.values(s.Condition ?? {}).some((block) =>
      Object.entries(block).some(
        ([key, value]) => key.toLowerCase() === 'aws:sourcearn' && list(value).includes(bucketArn),
      ),
    ),
  )
  return scoped ? 'S3 may send, for this bucket only' : 'S3 may send for any bucket (no aws:SourceArn condition)'
}

function describeFilter(config: QueueConfiguration | undefined) {
  if (!config) return 'no notification to the queue'
  const rules = config.Filter?.Key?.FilterRules ?? []
  const value = (name: string) => rules.find((r) => r.Name?.toLowerCase() === name)?.Value
  const parts = [value('prefix') && `prefix ${value('prefix')}`, value('suffix') && `suffix ${value('suffix')}`].filter(
    Boolean,
  )
  return parts.length ? parts.join(', ') : 'no filter (every key)'
}

type S3EventRecord = { eventName?: string; s3?: { bucket?: { name?: string }; object?: { key?: string } } }

/** Reads the queue without taking anything: VisibilityTimeout 0 leaves every message visible to the workers. */
async function peek(sqs: SQSClient, QueueUrl: string) {
  const seen = new Map<string, string>()
  for (let i = 0; i < 3; i++) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0, WaitTimeSeconds: 0 }),
    )
    for (const m of Messages) if (m.MessageId) seen.set(m.MessageId, m.Body ?? '')
    if (Messages.length < 10) break
  }
  const records: S3EventRecord[] = []
  for (const body of seen.values()) {
    try {
      const parsed: { Records?: S3EventRecord[] } = JSON.parse(body)
      records.push(...(parsed.Records ?? []))
    } catch {
      // not an S3 event
    }
  }
  return records
}

/** The order of the last run's calls: the policy must exist before S3 is told to use the queue. */
function policyFirst(calls: CheckContext['calls']): Expectation {
  const policy = firstCall(calls, 'SetQueueAttributes')
  const notify = firstCall(calls, 'PutBucketNotificationConfiguration')
  const ok = notify === -1 || (policy !== -1 && policy < notify)
  return expectTrue('Queue policy set before the notification in your last run', ok, {
    expected: 'SetQueueAttributes, then PutBucketNotificationConfiguration',
    actual:
      notify === -1
        ? 'no PutBucketNotificationConfiguration in your last run'
        : policy === -1
          ? 'PutBucketNotificationConfiguration without SetQueueAttributes'
          : policy < notify
            ? 'SetQueueAttributes, then PutBucketNotificationConfiguration'
            : 'PutBucketNotificationConfiguration first',
    hint: 'On AWS, S3 checks that it may send to the queue when you save the configuration: set the queue policy first.',
  })
}

async function inspect(s3: S3Client, sqs: SQSClient, Bucket: string, calls: CheckContext['calls']) {
  let QueueUrl: string | undefined
  let attributes: Record<string, string> = {}
  try {
    ;({ QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `${Bucket}-uploads` })))
    ;({ Attributes: attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }),
    ))
  } catch {
    QueueUrl = undefined
  }
  const queueArn = attributes.QueueArn
  let configs: QueueConfiguration[] = []
  try {
    ;({ QueueConfigurations: configs = [] } = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket })))
  } catch {
    configs = []
  }
  const config = configs.find((c) => c.QueueArn === queueArn)

  const records = QueueUrl ? await peek(sqs, QueueUrl) : []
  const created = records.filter((r) => r.eventName?.startsWith('ObjectCreated') && r.s3?.bucket?.name === Bucket)
  const keys = created.map((r) => decodeURIComponent((r.s3?.object?.key ?? '').replace(/\+/g, ' ')))
  let delivered = 'no ObjectCreated event in the queue'
  for (const key of keys.filter((k) => k.startsWith('incoming/') && k.endsWith('.csv'))) {
    try {
      await s3.send(new HeadObjectCommand({ Bucket, Key: key }))
      delivered = 'an event for an incoming/*.csv upload'
    } catch {
      // an event for an object that is not in the bucket
    }
  }
  const inFlight = Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
  const others = keys.filter((k) => !(k.startsWith('incoming/') && k.endsWith('.csv')))

  return [
    ...inStep(2, [
      expectEqual(
        'Queue policy',
        QueueUrl ? policyFor(attributes.Policy, `arn:aws:s3:::${Bucket}`) : `no queue ${Bucket}-uploads`,
        'S3 may send, for this bucket only',
        'Set the queue\'s Policy attribute: Allow, Principal { Service: "s3.amazonaws.com" }, Action "sqs:SendMessage", with a Condition ArnLike { "aws:SourceArn": "arn:aws:s3:::<bucket>" }.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Events the bucket sends to the queue',
        config ? (config.Events ?? []).join(', ') || 'none' : 'no notification to the queue',
        's3:ObjectCreated:*',
        'Add a QueueConfigurations entry with the queue ARN and Events: ["s3:ObjectCreated:*"] in PutBucketNotificationConfigurationCommand.',
      ),
      expectEqual(
        'Key filter of the notification',
        describeFilter(config),
        'prefix incoming/, suffix .csv',
        'Filter: { Key: { FilterRules: [{ Name: "prefix", Value: "incoming/" }, { Name: "suffix", Value: ".csv" }] } }',
      ),
      policyFirst(calls),
    ]),
    ...inStep(4, [
      expectEqual(
        'Upload event waiting in the queue',
        delivered === 'no ObjectCreated event in the queue' && inFlight
          ? `${inFlight} message(s) taken by a ReceiveMessage and not visible yet`
          : delivered,
        'an event for an incoming/*.csv upload',
        inFlight
          ? 'Your code received the message, so it is invisible until its visibility timeout ends; watch ApproximateNumberOfMessages instead of receiving it.'
          : 'Upload incoming/orders-2026-12.csv after the notification is configured: events are not sent for objects uploaded earlier.',
      ),
      expectEqual(
        'Events for keys the filter should skip',
        others.length ? others.join(', ') : 'none',
        'none',
        'Only CSV files under incoming/ should reach the import workers: check the prefix and suffix rules.',
      ),
    ]),
  ]
}

/** Looks at every lab bucket in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const s3 = new S3Client({})
  const sqs = new SQSClient({})
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
  const names = Buckets.map((b) => b.Name ?? '').filter((n) => n.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Lab bucket exists',
    status: names.length ? 'pass' : 'fail',
    expected: `a bucket named ${PREFIX}…`,
    actual: names.length ? names.join(', ') : 'none',
    hint: names.length ? undefined : 'Run your code first: the starter creates the bucket and the queue.',
  }
  if (!names.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const name of names) {
    const expectations = await inspect(s3, sqs, name, calls)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
