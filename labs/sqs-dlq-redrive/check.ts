import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'dlqlab-'
const MALFORMED = '{"orderId":"A-3","sku":"cof'

async function queue(sqs: SQSClient, QueueName: string) {
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName }))
    const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))
    return { QueueUrl: QueueUrl ?? '', attributes: Attributes }
  } catch {
    return undefined
  }
}

/**
 * The DLQ's visible messages, read without taking them (VisibilityTimeout 0). Only the DLQ is read this way: it has
 * no redrive policy, whereas every receive from the orders queue would count towards its maxReceiveCount.
 */
async function peek(sqs: SQSClient, QueueUrl: string) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 0,
      MessageSystemAttributeNames: ['DeadLetterQueueSourceArn'],
    }),
  )
  return Messages.map((m) => ({ body: m.Body ?? '', source: m.Attributes?.DeadLetterQueueSourceArn }))
}

const count = (a: Record<string, string>) =>
  ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed']
    .map((k) => Number(a[k] ?? 0))
    .reduce((x, y) => x + y, 0)

async function inspect(sqs: SQSClient, id: string): Promise<Expectation[]> {
  const orders = await queue(sqs, `${id}-orders`)
  const dlq = await queue(sqs, `${id}-dlq`)
  let redrive: { deadLetterTargetArn?: string; maxReceiveCount?: number | string } = {}
  try {
    redrive = JSON.parse(orders?.attributes.RedrivePolicy ?? '{}')
  } catch {
    redrive = {}
  }
  let allow: { redrivePermission?: string; sourceQueueArns?: string[] } = {}
  try {
    allow = JSON.parse(dlq?.attributes.RedriveAllowPolicy ?? '{}')
  } catch {
    allow = {}
  }
  const receives = Number(redrive.maxReceiveCount ?? 0)
  const ordersArn = orders?.attributes.QueueArn

  const dead = dlq ? await peek(sqs, dlq.QueueUrl) : []
  const hiddenInDlq = Number(dlq?.attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
  const malformed = dead.find((m) => m.body === MALFORMED)
  const matchaInDlq = dead.some((m) => m.body.includes('"A-2"'))
  const waiting = orders ? count(orders.attributes) : 0

  const malformedWhere = malformed
    ? malformed.source === ordersArn
      ? 'moved to the DLQ by SQS'
      : 'in the DLQ, but not moved there by SQS (no DeadLetterQueueSourceArn)'
    : hiddenInDlq
      ? `not visible: ${hiddenInDlq} DLQ message(s) received and not released`
      : 'not in the DLQ'
  const matchaWhere = matchaInDlq
    ? 'still in the DLQ'
    : !malformed && hiddenInDlq
      ? 'unknown (DLQ messages received and not released)'
      : !malformed
        ? 'never dead-lettered'
        : waiting
          ? 'back in the orders queue'
          : 'neither in the DLQ nor in the orders queue'

  return [
    ...inStep(2, [
      expectEqual(
        'Dead-letter queue of the orders queue',
        redrive.deadLetterTargetArn ? (redrive.deadLetterTargetArn.split(':').pop() ?? '') : 'no redrive policy',
        `${id}-dlq`,
        'Set the RedrivePolicy attribute of the orders queue to JSON with deadLetterTargetArn (the DLQ ARN) and maxReceiveCount.',
      ),
      expectTrue('Receives before a message moves to the DLQ (maxReceiveCount)', receives >= 3 && receives <= 5, {
        expected: '3 to 5',
        actual: redrive.deadLetterTargetArn ? String(receives) : 'no redrive policy',
        hint: 'High enough that a brief outage is retried, low enough that a poison message soon stops wasting work: 3 here.',
      }),
      expectEqual(
        'Who may use the DLQ (RedriveAllowPolicy)',
        allow.redrivePermission === 'byQueue'
          ? ordersArn && allow.sourceQueueArns?.includes(ordersArn) && allow.sourceQueueArns.length === 1
            ? 'only the orders queue'
            : 'other queues'
          : (allow.redrivePermission ?? 'any queue (allowAll, the default)'),
        'only the orders queue',
        'Set the DLQ attribute RedriveAllowPolicy to {"redrivePermission":"byQueue","sourceQueueArns":[<orders queue ARN>]}.',
      ),
      expectEqual(
        'The malformed order A-3',
        malformedWhere,
        'moved to the DLQ by SQS',
        hiddenInDlq
          ? 'A message you receive from the DLQ and keep there must be released: ChangeMessageVisibilityCommand with VisibilityTimeout 0.'
          : 'With the redrive policy in place before the consumer runs, SQS moves A-3 after its third failed receive.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'The matcha order A-2 after the fix',
        matchaWhere,
        'back in the orders queue',
        matchaInDlq
          ? 'Redrive it: receive it from the DLQ, send its body to the orders queue, then delete it from the DLQ.'
          : matchaWhere === 'never dead-lettered'
            ? 'First make step 2 work: A-2 has to reach the DLQ before it can be redriven.'
            : 'Send it back to the orders queue, and do not run the consumer again in the same run: the fixed consumer picks it up next time.',
      ),
    ]),
  ]
}

/** Looks at every lab run in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const sqs = new SQSClient({})
  const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
  const ids = QueueUrls.map((url) => url.split('/').pop() ?? '')
    .filter((name) => name.endsWith('-orders'))
    .map((name) => name.slice(0, -'-orders'.length))
  const found: Expectation = {
    step: 1,
    name: 'Orders queue from the starter',
    status: ids.length ? 'pass' : 'fail',
    expected: `a queue named ${PREFIX}…-orders`,
    actual: ids.length ? ids.map((id) => `${id}-orders`).join(', ') : 'none',
    hint: ids.length ? undefined : 'Run your code first: the starter creates the queues.',
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
