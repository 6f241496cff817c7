import { DescribeTableCommand, DynamoDBClient, ListTablesCommand, ScanCommand } from '@aws-sdk/client-dynamodb'
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb-streams'
import { GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'statuslab-'

/** Every change the table's stream still holds (24 hours), oldest first. */
async function history(ddb: DynamoDBClient, TableName: string): Promise<_Record[]> {
  const { Table } = await ddb.send(new DescribeTableCommand({ TableName }))
  const StreamArn = Table?.LatestStreamArn
  if (!StreamArn) return []
  const streams = new DynamoDBStreamsClient({})
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn }))
  const records: _Record[] = []
  for (const { ShardId } of StreamDescription?.Shards ?? []) {
    let { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    )
    for (let page = 0; ShardIterator && page < 10; page++) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator }))
      records.push(...(out.Records ?? []))
      if (!out.Records?.length) break
      ShardIterator = out.NextShardIterator
    }
  }
  return records
}

/** Messages in the jobs queue that mention the job, read without hiding them from workers. */
async function messagesFor(sqs: SQSClient, TableName: string, jobId: string) {
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `${TableName}-jobs` }))
    const bodies = new Map<string, string>()
    for (let round = 0; round < 3; round++) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
      )
      for (const m of Messages) if (m.MessageId && m.Body?.includes(jobId)) bodies.set(m.MessageId, m.Body)
    }
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] }),
    )
    return { bodies: [...bodies.values()], hidden: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) }
  } catch {
    return undefined
  }
}

const status = (image: Record<string, AttributeValue> | undefined) => image?.status?.S

async function inspect(TableName: string): Promise<Expectation[]> {
  const ddb = new DynamoDBClient({})
  const { Items = [] } = await ddb.send(new ScanCommand({ TableName }))
  const records = await history(ddb, TableName)
  // follow the job that got furthest: READY in the table if there is one
  const jobs = Items.map((i) => ({ jobId: i.jobId?.S ?? '', status: i.status?.S ?? '' }))
  const job = jobs.find((j) => j.status === 'READY') ?? jobs[0]
  const changes = records.filter((r) => r.dynamodb?.Keys?.jobId?.S === job?.jobId)
  const created = changes.find((r) => r.eventName === 'INSERT')
  const toReady = changes.find(
    (r) =>
      r.eventName === 'MODIFY' &&
      status(r.dynamodb?.OldImage) === 'PENDING' &&
      status(r.dynamodb?.NewImage) === 'READY',
  )
  const story = changes
    .map((r) =>
      r.eventName === 'INSERT'
        ? `created ${status(r.dynamodb?.NewImage) ?? '?'}`
        : r.eventName === 'MODIFY'
          ? `${status(r.dynamodb?.OldImage) ?? '?'} → ${status(r.dynamodb?.NewImage) ?? '?'}`
          : 'removed',
    )
    .join(', ')
  const queued = job ? await messagesFor(new SQSClient({}), TableName, job.jobId) : undefined
  const ready = queued?.bodies.filter((b) => b.includes('READY')) ?? []
  const none = 'no job in the table'

  return [
    ...inStep(1, [
      expectEqual(
        'How the job was created (from the table stream)',
        job
          ? created
            ? `created ${status(created.dynamodb?.NewImage) ?? 'without a status'}`
            : 'no INSERT in the stream'
          : none,
        'created PENDING',
        'PutItemCommand with status PENDING and ConditionExpression attribute_not_exists(jobId).',
      ),
    ]),
    ...inStep(2, [
      expectTrue('Transition PENDING → READY (from the table stream)', Boolean(toReady), {
        expected: 'PENDING → READY',
        actual: job ? story || 'no changes in the stream' : none,
        hint: 'UpdateItemCommand that sets status to READY with ConditionExpression "#status = :pending".',
      }),
    ]),
    ...inStep(3, [
      expectEqual(
        `Messages in the jobs queue for ${job?.jobId ?? 'the job'}`,
        !job
          ? none
          : !queued
            ? 'no jobs queue'
            : queued.bodies.length === 0 && queued.hidden > 0
              ? `0 visible (${queued.hidden} hidden by a receive: check again in 30 s)`
              : String(queued.bodies.length),
        '1',
        queued && queued.bodies.length > 1
          ? 'Forward only the change that moved the job to READY, not every change of the item.'
          : 'The forward function must send { jobId, status } with SendMessageCommand when NewImage.status is READY and OldImage.status was not.',
      ),
      expectTrue('The message says the job is READY', ready.length > 0, {
        expected: `a message with ${job?.jobId ?? 'the job id'} and READY`,
        actual: queued?.bodies[0]?.slice(0, 120) ?? 'no message',
        hint: 'Put the job id and its new status in the message body, e.g. JSON.stringify({ jobId, status }).',
      }),
    ]),
  ]
}

/** Looks at every lab table in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const ddb = new DynamoDBClient({})
  const { TableNames = [] } = await ddb.send(new ListTablesCommand({}))
  const ids = TableNames.filter((n) => n.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Status table from the starter code',
    status: ids.length ? 'pass' : 'fail',
    expected: `a table named ${PREFIX}…`,
    actual: ids.length ? ids.join(', ') : 'none',
    hint: ids.length
      ? undefined
      : 'Run your code first: the starter creates the table, the queue and the forward function.',
  }
  if (!ids.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const id of ids) {
    const expectations = await inspect(id)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
