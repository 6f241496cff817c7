import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { expectEqual, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'fifolab-'

type Delivered = { eventId: string; account: string; group: string; sequence: bigint }

/** Reads the FIFO queue without taking anything: VisibilityTimeout 0 leaves every message (and group) available. */
async function peek(sqs: SQSClient, QueueUrl: string): Promise<Delivered[]> {
  const seen = new Map<string, Delivered>()
  for (let i = 0; i < 3; i++) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 0,
        MessageSystemAttributeNames: ['MessageGroupId', 'SequenceNumber'],
      }),
    )
    for (const m of Messages) {
      let body: { eventId?: string; account?: string } = {}
      try {
        body = JSON.parse(m.Body ?? '')
      } catch {
        // not one of the lab's events
      }
      seen.set(m.MessageId ?? '', {
        eventId: body.eventId ?? '?',
        account: body.account ?? '?',
        group: m.Attributes?.MessageGroupId ?? '',
        sequence: BigInt(m.Attributes?.SequenceNumber ?? '0'),
      })
    }
    if (!Messages.length) break
  }
  return [...seen.values()]
}

async function inspect(sqs: SQSClient, id: string): Promise<Expectation[]> {
  let attributes: Record<string, string> | undefined
  let QueueUrl: string | undefined
  try {
    ;({ QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `${id}-payments.fifo` })))
    ;({ Attributes: attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }),
    ))
  } catch {
    attributes = undefined
  }
  const delivered = QueueUrl && attributes ? await peek(sqs, QueueUrl) : []
  const none = attributes ? 'no messages' : 'no FIFO queue'
  const copies = (eventId: string) =>
    attributes ? String(delivered.filter((d) => d.eventId === eventId).length) : none
  const ungrouped = delivered.filter((d) => d.group !== d.account)
  const acct1 = delivered
    .filter((d) => d.account === 'acct-1')
    .sort((a, b) => (a.sequence < b.sequence ? -1 : a.sequence > b.sequence ? 1 : 0))
    .map((d) => d.eventId)

  return [
    ...inStep(2, [
      expectEqual(
        `Queue ${id}-payments.fifo`,
        attributes
          ? `FIFO, content-based deduplication ${attributes.ContentBasedDeduplication === 'true' ? 'on' : 'off'}`
          : 'none',
        'FIFO, content-based deduplication on',
        'CreateQueueCommand with a name ending in .fifo and Attributes { FifoQueue: "true", ContentBasedDeduplication: "true" }.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Message group of each event',
        !delivered.length
          ? none
          : ungrouped.length
            ? `"${ungrouped[0]?.group}" for an event of ${ungrouped[0]?.account}`
            : 'its account',
        'its account',
        'Pass MessageGroupId: event.account, so each account keeps its order while different accounts are processed in parallel.',
      ),
      expectEqual(
        'Order of the acct-1 events in the queue',
        delivered.length ? acct1.join(', ') || 'none' : none,
        'e1, e3, e4',
        'Send the events in order: within one message group a FIFO queue keeps exactly the order they were sent in.',
      ),
      expectEqual(
        'Copies of e3 (retried with the same body)',
        copies('e3'),
        '1',
        'With ContentBasedDeduplication the SHA-256 of the body is the deduplication ID, so an identical retry within 5 minutes is dropped.',
      ),
    ]),
    ...inStep(4, [
      expectEqual(
        'Copies of e5 (retried with a changed body)',
        copies('e5'),
        '1',
        "The e5 retry's body differs (attempt 2), so its hash differs too: pass MessageDeduplicationId: event.eventId.",
      ),
    ]),
  ]
}

/** Looks at every lab run in the learner's account (one standard queue each) and reports on the one furthest along. */
export default async function check() {
  const sqs = new SQSClient({})
  const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
  const ids = QueueUrls.map((url) => url.split('/').pop() ?? '')
    .filter((name) => name.endsWith('-payments'))
    .map((name) => name.slice(0, -'-payments'.length))
  const found: Expectation = {
    step: 1,
    name: 'Standard queue from the starter',
    status: ids.length ? 'pass' : 'fail',
    expected: `a queue named ${PREFIX}…-payments`,
    actual: ids.length ? ids.map((id) => `${id}-payments`).join(', ') : 'none',
    hint: ids.length ? undefined : 'Run your code first: the starter creates the standard queue.',
  }
  if (!ids.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const id of ids) {
    const expectations = await inspect(sqs, id)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
