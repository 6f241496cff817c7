import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'

const sqs = new SQSClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `snsfifolab-${Date.now()}`

// Step 1: two FIFO queues that must both see the ledger in order and without duplicates: the balances service
// and the audit log. Their policies already admit the FIFO topic you are about to create (a policy may name an ARN
// that does not exist yet).
const queues: Record<string, string> = {}
for (const name of ['balances', 'audit']) {
  const { QueueUrl = '' } = await sqs.send(
    new CreateQueueCommand({ QueueName: `${id}-${name}.fifo`, Attributes: { FifoQueue: 'true' } }),
  )
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
  const arn = Attributes?.QueueArn ?? ''
  const [, , , region, account] = arn.split(':')
  const Statement = [
    {
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: arn,
      Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:${region}:${account}:${id}-ledger.fifo` } },
    },
  ]
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl,
      Attributes: { Policy: JSON.stringify({ Version: '2012-10-17', Statement }) },
    }),
  )
  queues[name] = arn
}
console.log('queues', Object.values(queues))

// Ledger events. The producer retries after timeouts: e3 is retried with the same body, e5 with a new attempt number.
const events = [
  { eventId: 'e1', account: 'acct-1', type: 'open' },
  { eventId: 'e2', account: 'acct-2', type: 'open' },
  { eventId: 'e3', account: 'acct-1', type: 'deposit', amount: 50 },
  { eventId: 'e3', account: 'acct-1', type: 'deposit', amount: 50 },
  { eventId: 'e4', account: 'acct-1', type: 'withdraw', amount: 20 },
  { eventId: 'e5', account: 'acct-2', type: 'deposit', amount: 30, attempt: 1 },
  { eventId: 'e5', account: 'acct-2', type: 'deposit', amount: 30, attempt: 2 },
]
console.log(events.length, 'events to publish')

// TODO (step 2): create the FIFO topic `${id}-ledger.fifo` with content-based deduplication (SNSClient from
//                @aws-sdk/client-sns)
// TODO (step 3): subscribe both queues to it with raw message delivery
// TODO (step 4): publish every event once per send, in order: one message group per account, and a deduplication
//                ID that also catches the e5 retry; then wait (a few seconds at most) for the deliveries
