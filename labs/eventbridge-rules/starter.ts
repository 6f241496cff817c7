import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'

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

// TODO (step 2): create the rule `${id}-big-orders` on this bus. Its event pattern matches OrderPlaced events whose
//                source starts with "com.shop.", whose detail.total is 100 or more and whose detail.channel is
//                anything but "test".

// TODO (step 3): make the orders queue (orders.arn) the target of that rule.

// TODO (step 4): publish a few OrderPlaced events to the bus, some that should match and some that should not, then
//                poll the audit queue (VisibilityTimeout: 0) until every event has arrived.
