import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  DescribeArchiveCommand,
  DescribeReplayCommand,
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  StartReplayCommand,
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
const id = `ebreplay-${Date.now()}`
const EventBusName = id

// Step 1: the shop's bus, the orders queue and a rule that sends order events to it
const { EventBusArn = '' } = await eb.send(new CreateEventBusCommand({ Name: EventBusName }))
const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-orders` }))
const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
const queueArn = Attributes.QueueArn ?? ''
const Policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: queueArn,
      Condition: { ArnLike: { 'aws:SourceArn': `${EventBusArn.replace(':event-bus/', ':rule/')}/*` } },
    },
  ],
})
await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy } }))
await eb.send(
  new PutRuleCommand({
    Name: `${id}-orders`,
    EventBusName,
    EventPattern: JSON.stringify({ source: ['com.shop.orders'] }),
  }),
)
await eb.send(new PutTargetsCommand({ Rule: `${id}-orders`, EventBusName, Targets: [{ Id: 'orders', Arn: queueArn }] }))
console.log('bus', EventBusArn, '\nqueue', QueueUrl)

// Step 2: archive only the order events, for a week
const ArchiveName = `${id}-orders`
const { ArchiveArn } = await eb.send(
  new CreateArchiveCommand({
    ArchiveName,
    EventSourceArn: EventBusArn,
    EventPattern: JSON.stringify({ source: ['com.shop.orders'] }),
    RetentionDays: 7,
  }),
)

// Step 3: some traffic, bracketed by the replay window
const EventStartTime = new Date(Date.now() - 1000)
const event = (Source: string, DetailType: string, detail: object) => ({
  EventBusName,
  Source,
  DetailType,
  Detail: JSON.stringify(detail),
})
await eb.send(
  new PutEventsCommand({
    Entries: [
      event('com.shop.orders', 'OrderPlaced', { orderId: 'A-1', total: 40 }),
      event('com.shop.orders', 'OrderPlaced', { orderId: 'A-2', total: 75 }),
      event('com.shop.marketing', 'NewsletterSent', { campaign: 'winter' }),
    ],
  }),
)
let archived = 0
for (let i = 0; i < 25 && archived < 2; i++) {
  ;({ EventCount: archived = 0 } = await eb.send(new DescribeArchiveCommand({ ArchiveName })))
  if (archived < 2) await sleep(200)
}
console.log('events in the archive:', archived)
const EventEndTime = new Date()

// Step 4: replay the window onto the bus and wait for it to finish
const ReplayName = `${id}-replay`
await eb.send(
  new StartReplayCommand({
    ReplayName,
    EventSourceArn: ArchiveArn,
    EventStartTime,
    EventEndTime,
    Destination: { Arn: EventBusArn },
  }),
)
let state: string | undefined = 'STARTING'
for (let i = 0; i < 25 && state !== 'COMPLETED' && state !== 'FAILED'; i++) {
  await sleep(200)
  ;({ State: state } = await eb.send(new DescribeReplayCommand({ ReplayName })))
}
console.log('replay', state)

// The queue now holds every order twice; the replayed copy has a replay-name (VisibilityTimeout 0 only peeks).
const { Messages = [] } = await sqs.send(
  new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
)
for (const m of Messages) {
  const e = JSON.parse(m.Body ?? '{}')
  console.log(e.id, e.detail.orderId, e['replay-name'] ?? '(original)')
}
