import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs'

const sqs = new SQSClient({})
// every lab queue starts with this prefix, which is how the check and the clean-up find them
const id = `fifolab-${Date.now()}`

// Ledger events from a payment service. When a send times out, the producer retries, so some events arrive twice:
// e3 is retried with exactly the same body, e5 with a new attempt number in the body.
const events = [
  { eventId: 'e1', account: 'acct-1', type: 'open' },
  { eventId: 'e2', account: 'acct-2', type: 'open' },
  { eventId: 'e3', account: 'acct-1', type: 'deposit', amount: 50 },
  { eventId: 'e3', account: 'acct-1', type: 'deposit', amount: 50 },
  { eventId: 'e4', account: 'acct-1', type: 'withdraw', amount: 20 },
  { eventId: 'e5', account: 'acct-2', type: 'deposit', amount: 30, attempt: 1 },
  { eventId: 'e5', account: 'acct-2', type: 'deposit', amount: 30, attempt: 2 },
]

const depth = async (QueueUrl: string | undefined) => {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
  )
  return Attributes?.ApproximateNumberOfMessages
}

// Step 1: a standard queue takes every send, duplicates included, and does not promise any order
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-payments` }))
for (const event of events) {
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(event) }))
}
console.log('standard queue:', events.length, 'sends ->', await depth(QueueUrl), 'messages')

// Step 2: a FIFO queue (the name must end in .fifo) that drops a body it has seen in the last 5 minutes
const fifo = await sqs.send(
  new CreateQueueCommand({
    QueueName: `${id}-payments.fifo`,
    Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
  }),
)

for (const event of events) {
  const result = await sqs.send(
    new SendMessageCommand({
      QueueUrl: fifo.QueueUrl,
      MessageBody: JSON.stringify(event),
      // Step 3: order is kept per group, and different groups are processed in parallel
      MessageGroupId: event.account,
      // Step 4: the producer's own event id identifies a retry even when the body changed
      MessageDeduplicationId: event.eventId,
    }),
  )
  console.log('sent', event.eventId, 'attempt', event.attempt ?? 1, '-> sequence number', result.SequenceNumber)
}
console.log('FIFO queue:', events.length, 'sends ->', await depth(fifo.QueueUrl), 'messages')
