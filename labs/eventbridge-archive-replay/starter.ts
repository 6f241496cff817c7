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

// TODO (step 2): create the archive `${id}-orders` on this bus: only com.shop.orders events, a finite RetentionDays.

// TODO (step 3): publish at least two com.shop.orders events and one com.shop.marketing event, then wait until
//                DescribeArchiveCommand counts the orders.

// TODO (step 4): replay the archive onto the bus with StartReplayCommand (ReplayName `${id}-replay`) and poll
//                DescribeReplayCommand until the replay is COMPLETED.
