import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { expectEqual, expectTrue, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'

const PREFIX = 'batchlab-'

async function queue(sqs: SQSClient, QueueName: string) {
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName }))
    const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))
    return { QueueUrl: QueueUrl ?? '', attributes: Attributes }
  } catch {
    return undefined
  }
}

/** Visible messages, read without taking them (VisibilityTimeout 0); neither lab queue has a redrive policy. */
async function peek(sqs: SQSClient, QueueUrl: string) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 0,
      MessageAttributeNames: ['All'],
    }),
  )
  return Messages
}

const total = (a: Record<string, string>) =>
  ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed']
    .map((k) => Number(a[k] ?? 0))
    .reduce((x, y) => x + y, 0)

/** How the last run talked to the orders queue: batch calls, single calls, or nothing recorded. */
function usage(calls: CheckContext['calls'], queueName: string, batch: string, single: string) {
  const mine = calls.filter((c) => c.ok && (c.params?.QueueUrl ?? '').endsWith(`/${queueName}`))
  const batches = mine.filter((c) => c.operation === batch).length
  const singles = mine.filter((c) => c.operation === single).length
  const parts = [batches && `${batch} ×${batches}`, singles && `${single} ×${singles}`].filter(Boolean)
  return {
    ok: batches > 0 && singles === 0,
    actual: !calls.length ? 'no run recorded yet' : parts.length ? parts.join(', ') : `no ${batch}`,
  }
}

async function inspect(sqs: SQSClient, id: string, calls: CheckContext['calls']): Promise<Expectation[]> {
  const orders = await queue(sqs, `${id}-orders`)
  const rejects = await queue(sqs, `${id}-rejects`)

  const sends = usage(calls, `${id}-orders`, 'SendMessageBatch', 'SendMessage')
  const deletes = usage(calls, `${id}-orders`, 'DeleteMessageBatch', 'DeleteMessage')

  const parked = rejects ? await peek(sqs, rejects.QueueUrl) : []
  const rejected = parked
    .map(
      (m) =>
        `${m.MessageAttributes?.orderId?.StringValue ?? '?'} (${m.MessageAttributes?.errorCode?.StringValue ?? 'no errorCode'})`,
    )
    .sort()
  const rejectsHidden = Number(rejects?.attributes.ApproximateNumberOfMessagesNotVisible ?? 0)

  const left = orders ? total(orders.attributes) : 0
  const visible = orders ? await peek(sqs, orders.QueueUrl) : []
  const visibleIds = visible.map((m) => (m.Body ?? '').split(',')[0] || '?')
  const leftOk = left === 1 && visibleIds.every((v) => v === 'A-5')

  return [
    ...inStep(2, [
      expectTrue('Orders queued with batch calls in your last run', sends.ok, {
        expected: 'SendMessageBatch only',
        actual: sends.actual,
        hint: !calls.length
          ? 'Run your code, then Check: this expectation reads the calls of your last run.'
          : 'Send the orders with one SendMessageBatchCommand: Entries of { Id, MessageBody }, at most 10 per call.',
      }),
    ]),
    ...inStep(3, [
      expectEqual(
        'Orders parked in the rejects queue',
        rejected.length
          ? rejected.join(', ')
          : rejectsHidden
            ? `${rejectsHidden} message(s) received and not visible`
            : 'none',
        'A-3 (InvalidMessageContents)',
        "Loop over the batch result's Failed entries: send each order (without its note) to the rejects queue with the message attributes orderId and errorCode (the entry's Code).",
      ),
    ]),
    ...inStep(4, [
      expectTrue('Orders left in the orders queue', leftOk, {
        expected: '1 (A-5, which cannot be shipped)',
        actual: !orders
          ? 'no orders queue'
          : visibleIds.length
            ? `${left}: ${visibleIds.join(', ')}${left > visibleIds.length ? ` and ${left - visibleIds.length} not visible` : ''}`
            : `${left}, none of them visible`,
        hint:
          left > 1
            ? "Delete every shipped order: put each one's ReceiptHandle into a DeleteMessageBatchCommand entry."
            : 'Leave A-5 undeleted: it returns to the queue after its visibility timeout (and, with a DLQ, ends up there).',
      }),
      expectTrue('Shipped orders deleted with a batch call in your last run', deletes.ok, {
        expected: 'DeleteMessageBatch only',
        actual: deletes.actual,
        hint: !calls.length
          ? 'Run your code, then Check: this expectation reads the calls of your last run.'
          : 'Delete the shipped messages with one DeleteMessageBatchCommand: Entries of { Id, ReceiptHandle }.',
      }),
    ]),
  ]
}

/** Looks at every lab run in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
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
    const expectations = await inspect(sqs, id, calls)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
