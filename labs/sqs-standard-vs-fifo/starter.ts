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

// Step 1: a standard queue takes every send, duplicates included, and does not promise any order
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-payments` }))
for (const event of events) {
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(event) }))
}
const { Attributes } = await sqs.send(
  new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
)
console.log('standard queue:', events.length, 'sends ->', Attributes?.ApproximateNumberOfMessages, 'messages')

// TODO (step 2): create the FIFO queue `${id}-payments.fifo` with content-based deduplication
// TODO (step 3): send every event to it, with one message group per account
// TODO (step 4): make the e5 retry a duplicate too, although its body differs
