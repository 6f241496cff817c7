import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { setTimeout } from 'node:timers/promises'

const sns = new SNSClient({})
const sqs = new SQSClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `snsfifolab-${Date.now()}`

// Step 1: two FIFO queues that must both see the ledger in order and without duplicates: the balances service
// and the audit log. Their policies already admit the FIFO topic you are about to create (a policy may name an ARN
// that does not exist yet).
const queues: Record<string, string> = {}
const queueUrls: Record<string, string> = {}
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
  queueUrls[name] = QueueUrl
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

// Step 2: a FIFO topic (the name must end in .fifo); it deduplicates once, for every subscriber
const { TopicArn } = await sns.send(
  new CreateTopicCommand({
    Name: `${id}-ledger.fifo`,
    Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' },
  }),
)
console.log('topic', TopicArn)

// Step 3: FIFO topics deliver to SQS queues; raw delivery hands each queue the published body itself
for (const arn of Object.values(queues)) {
  await sns.send(
    new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: arn, Attributes: { RawMessageDelivery: 'true' } }),
  )
}

// Step 4: order per account, and the producer's event id as deduplication ID (it also catches the e5 retry)
for (const event of events) {
  const { SequenceNumber } = await sns.send(
    new PublishCommand({
      TopicArn,
      Message: JSON.stringify(event),
      MessageGroupId: event.account,
      MessageDeduplicationId: event.eventId,
    }),
  )
  console.log('published', event.eventId, 'attempt', event.attempt ?? 1, 'sequence', SequenceNumber)
}

// delivery is asynchronous: wait (at most 5 seconds) until both queues hold the five distinct events
for (let i = 0; i < 25; i++) {
  const depths = await Promise.all(
    Object.keys(queues).map(async (name) => {
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrls[name],
          AttributeNames: ['ApproximateNumberOfMessages'],
        }),
      )
      return Number(Attributes?.ApproximateNumberOfMessages ?? 0)
    }),
  )
  if (depths.every((d) => d >= 5)) {
    console.log('delivered:', depths)
    break
  }
  await setTimeout(200)
}
