import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { setTimeout as sleep } from 'node:timers/promises'

const eb = new EventBridgeClient({})
const sqs = new SQSClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `ebrules-${Date.now()}`
const EventBusName = id

// Step 1: a custom bus for the shop's own events
const { EventBusArn = '' } = await eb.send(new CreateEventBusCommand({ Name: EventBusName }))
console.log('bus', EventBusArn)

// A queue that EventBridge may send to, but only from rules on this bus (the queue policy is the permission).
async function queueFor(QueueName: string) {
  const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName }))
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
  const arn = Attributes.QueueArn ?? ''
  const Policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: arn,
        Condition: { ArnLike: { 'aws:SourceArn': `${EventBusArn.replace(':event-bus/', ':rule/')}/*` } },
      },
    ],
  })
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy } }))
  return { url: QueueUrl, arn }
}
const orders = await queueFor(`${id}-orders`)
const audit = await queueFor(`${id}-audit`)

// The audit rule: an empty prefix matches every source, so the audit queue gets a copy of every event.
await eb.send(
  new PutRuleCommand({
    Name: `${id}-audit`,
    EventBusName,
    EventPattern: JSON.stringify({ source: [{ prefix: '' }] }),
  }),
)
await eb.send(
  new PutTargetsCommand({ Rule: `${id}-audit`, EventBusName, Targets: [{ Id: 'audit-queue', Arn: audit.arn }] }),
)
console.log('queues', orders.url, audit.url)

// Step 2: only real orders of 100 or more, from any shop front
const pattern = {
  source: [{ prefix: 'com.shop.' }],
  'detail-type': ['OrderPlaced'],
  detail: {
    total: [{ numeric: ['>=', 100] }],
    channel: [{ 'anything-but': 'test' }],
  },
}
await eb.send(new PutRuleCommand({ Name: `${id}-big-orders`, EventBusName, EventPattern: JSON.stringify(pattern) }))

// Step 3: the fulfilment queue is the rule's target
await eb.send(
  new PutTargetsCommand({ Rule: `${id}-big-orders`, EventBusName, Targets: [{ Id: 'orders-queue', Arn: orders.arn }] }),
)

// Step 4: publish a mix of events
const order = (Source: string, orderId: string, total: number, channel: string) => ({
  EventBusName,
  Source,
  DetailType: 'OrderPlaced',
  Detail: JSON.stringify({ orderId, total, channel }),
})
const Entries = [
  order('com.shop.web', 'A-1', 250, 'web'), // matches
  order('com.shop.mobile', 'A-2', 100, 'app'), // matches: 100 is ">= 100"
  order('com.shop.web', 'A-3', 20, 'web'), // too small
  order('com.shop.web', 'A-4', 900, 'test'), // a test order
]
const { FailedEntryCount } = await eb.send(new PutEventsCommand({ Entries }))
console.log('published', Entries.length, 'events, failed:', FailedEntryCount)

// Delivery is asynchronous: peek at the queues (VisibilityTimeout 0 leaves the messages for the check).
async function peek(QueueUrl: string) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
  )
  return Messages.map((m) => JSON.parse(m.Body ?? '{}'))
}
for (let i = 0; i < 25 && (await peek(audit.url)).length < Entries.length; i++) await sleep(200)
for (const event of await peek(orders.url)) console.log('fulfilment got', event.source, event.detail)
