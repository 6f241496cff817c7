import {
  DescribeArchiveCommand,
  EventBridgeClient,
  ListArchivesCommand,
  ListEventBusesCommand,
  ListReplaysCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge'
import { GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import {
  expectAtLeast,
  expectCalledBefore,
  expectEqual,
  expectTrue,
  inStep,
  resultOf,
  type CheckContext,
  type Expectation,
} from '../check-kit'

const PREFIX = 'ebreplay-'
const eb = new EventBridgeClient({})
const sqs = new SQSClient({})

function sampleEvent(source: string, detailType: string) {
  return JSON.stringify({
    version: '0',
    id: '0c6bd1b4-2d7b-4d2c-8f2c-3b5a3c0f6e11',
    'detail-type': detailType,
    source,
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: {},
  })
}

async function archivedBy(pattern: string | undefined, source: string, detailType: string) {
  // an archive without a pattern keeps everything
  if (!pattern) return 'archived'
  try {
    const { Result } = await eb.send(
      new TestEventPatternCommand({ EventPattern: pattern, Event: sampleEvent(source, detailType) }),
    )
    return Result ? 'archived' : 'skipped'
  } catch {
    return 'the pattern is not valid'
  }
}

/** Every message in the queue, without hiding any (VisibilityTimeout 0). */
async function peek(QueueName: string): Promise<{ id?: string; 'replay-name'?: string }[]> {
  let QueueUrl: string | undefined
  try {
    ;({ QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName })))
  } catch {
    return []
  }
  const seen = new Map<string, { id?: string; 'replay-name'?: string }>()
  for (let i = 0; i < 10; i++) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
    )
    const before = seen.size
    for (const m of Messages) {
      try {
        seen.set(m.MessageId ?? '', JSON.parse(m.Body ?? '{}'))
      } catch {
        seen.set(m.MessageId ?? '', {})
      }
    }
    if (seen.size === before) break
  }
  return [...seen.values()]
}

async function inspect(bus: string, busArn: string): Promise<Expectation[]> {
  const { Archives = [] } = await eb.send(new ListArchivesCommand({ EventSourceArn: busArn }))
  const name = Archives.find((a) => a.ArchiveName === `${bus}-orders`)?.ArchiveName ?? Archives[0]?.ArchiveName
  const archive = name ? await eb.send(new DescribeArchiveCommand({ ArchiveName: name })) : undefined
  const days = archive?.RetentionDays ?? 0

  const archiveSteps = [
    expectEqual(
      'Archive on the bus',
      name ?? 'none',
      `${bus}-orders`,
      `Create the archive ${bus}-orders with CreateArchiveCommand and the bus ARN as EventSourceArn.`,
    ),
    expectTrue('Archive retention', days >= 1 && days <= 365, {
      expected: '1 to 365 days',
      actual: !archive ? 'no archive' : days ? `${days} days` : 'forever (RetentionDays 0)',
      hint: 'Set RetentionDays to a finite number of days, such as 7: an archive that keeps events forever keeps costing.',
    }),
    expectEqual(
      'Archive keeps com.shop.orders events',
      archive ? await archivedBy(archive.EventPattern, 'com.shop.orders', 'OrderPlaced') : 'no archive',
      'archived',
      'The archive pattern should match { "source": ["com.shop.orders"] }.',
    ),
    expectEqual(
      'Archive skips com.shop.marketing events',
      archive ? await archivedBy(archive.EventPattern, 'com.shop.marketing', 'NewsletterSent') : 'no archive',
      'skipped',
      'Give the archive its own EventPattern so it stores only the order events.',
    ),
  ]

  const traffic = expectAtLeast(
    'Order events in the archive',
    archive?.EventCount ?? 0,
    2,
    'Publish at least two com.shop.orders events after the archive exists.',
  )

  const { Replays = [] } = archive?.ArchiveArn
    ? await eb.send(new ListReplaysCommand({ EventSourceArn: archive.ArchiveArn }))
    : { Replays: [] }
  const replay = Replays.find((r) => r.State === 'COMPLETED') ?? Replays[0]
  const messages = await peek(`${bus}-orders`)
  const replayNames = new Set(Replays.map((r) => r.ReplayName))
  const replayed = messages.filter((m) => m['replay-name'] && replayNames.has(m['replay-name']))
  const originals = new Set(messages.filter((m) => !m['replay-name']).map((m) => m.id))
  const twice = replayed.filter((m) => originals.has(m.id)).length

  const replaySteps = [
    expectEqual(
      'Replay from the archive',
      replay ? `${replay.ReplayName}: ${replay.State}` : 'none',
      `${replay?.ReplayName ?? `${bus}-replay`}: COMPLETED`,
      'Start a replay with StartReplayCommand from the archive ARN to the bus, then poll DescribeReplayCommand until it completes.',
    ),
    expectAtLeast(
      'Replayed events delivered to the orders queue (they carry replay-name)',
      replayed.length,
      1,
      'The replay window (EventStartTime to EventEndTime) must include the moment you published the orders.',
    ),
    expectAtLeast(
      'Orders delivered twice with the same event id',
      twice,
      1,
      'A replayed event keeps the id of the original: replay orders that the queue already received once.',
    ),
  ]
  return [...inStep(2, archiveSteps), ...inStep(3, [traffic]), ...inStep(4, replaySteps)]
}

/** Looks at every lab bus in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const { EventBuses = [] } = await eb.send(new ListEventBusesCommand({ NamePrefix: PREFIX }))
  const buses = EventBuses.filter((b) => b.Name?.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Lab event bus exists',
    status: buses.length ? 'pass' : 'fail',
    expected: `an event bus named ${PREFIX}…`,
    actual: buses.length ? buses.map((b) => b.Name).join(', ') : 'none',
    hint: buses.length ? undefined : 'Run your code first: the starter creates the bus, the rule and the queue.',
  }
  if (!buses.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const bus of buses) {
    const expectations = await inspect(bus.Name ?? '', bus.Arn ?? '')
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  // the timeline of the learner's last Run: an archive only captures events published after it exists
  const order = inStep(2, [
    expectCalledBefore(
      calls,
      'CreateArchive',
      'PutEvents',
      'Events published before the archive existed are not in it: create the archive first, then publish.',
    ),
  ])
  return resultOf([found, ...best, ...order])
}
