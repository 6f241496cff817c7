import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { setTimeout } from 'node:timers/promises'

const sns = new SNSClient({})
const sqs = new SQSClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `filterlab-${Date.now()}`

// Step 1: the orders topic and three queues the topic may write to
const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${id}-orders` }))
const queues: Record<string, string> = {}
for (const name of ['audit', 'big-orders', 'eu-shipping']) {
  const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-${name}` }))
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
  const arn = Attributes?.QueueArn ?? ''
  const Statement = [
    {
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: arn,
      Condition: { ArnEquals: { 'aws:SourceArn': TopicArn } },
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
// the audit team wants everything: no filter policy
await sns.send(
  new SubscribeCommand({
    TopicArn,
    Protocol: 'sqs',
    Endpoint: queues.audit,
    Attributes: { RawMessageDelivery: 'true' },
  }),
)

// Step 2: big-orders only gets placed orders of 100 or more, judged by the message attributes
await sns.send(
  new SubscribeCommand({
    TopicArn,
    Protocol: 'sqs',
    Endpoint: queues['big-orders'],
    Attributes: {
      RawMessageDelivery: 'true',
      FilterPolicy: JSON.stringify({ eventType: ['order_placed'], total: [{ numeric: ['>=', 100] }] }),
    },
  }),
)
// Step 3: eu-shipping only gets orders shipped to Germany, France or the Netherlands, judged by the body
await sns.send(
  new SubscribeCommand({
    TopicArn,
    Protocol: 'sqs',
    Endpoint: queues['eu-shipping'],
    Attributes: {
      RawMessageDelivery: 'true',
      FilterPolicyScope: 'MessageBody',
      FilterPolicy: JSON.stringify({ shipping: { country: ['DE', 'FR', 'NL'] } }),
    },
  }),
)

// The shop publishes today's orders (after the subscriptions: a filter only sees messages published later).
const orders = [
  { orderId: 'A-1', eventType: 'order_placed', total: 250, shipping: { country: 'DE' } },
  { orderId: 'A-2', eventType: 'order_placed', total: 40, shipping: { country: 'US' } },
  { orderId: 'A-3', eventType: 'order_cancelled', total: 120, shipping: { country: 'FR' } },
  { orderId: 'A-4', eventType: 'order_placed', total: 99.5, shipping: { country: 'NL' } },
  { orderId: 'A-5', eventType: 'order_placed', total: 100, shipping: { country: 'JP' } },
]
for (const { eventType, ...order } of orders) {
  await sns.send(
    new PublishCommand({
      TopicArn,
      Message: JSON.stringify(order),
      MessageAttributes: {
        eventType: { DataType: 'String', StringValue: eventType },
        total: { DataType: 'Number', StringValue: String(order.total) },
      },
    }),
  )
}
console.log('published', orders.length, 'orders')

// Delivery is asynchronous: wait (at most 5 seconds) until the audit queue, which gets everything, has all of them.
const { QueueUrl: auditUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `${id}-audit` }))
for (let i = 0; i < 25; i++) {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: auditUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
  )
  if (Number(Attributes?.ApproximateNumberOfMessages) >= orders.length) break
  await setTimeout(200)
}
