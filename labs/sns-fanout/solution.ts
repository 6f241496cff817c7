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
const id = `fanoutlab-${Date.now()}`

// Step 1: the topic the order service publishes to, and one queue per consuming team
const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${id}-orders` }))
const queues: Record<string, { url: string; arn: string }> = {}
for (const team of ['billing', 'warehouse']) {
  const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-${team}` }))
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
  queues[team] = { url: QueueUrl, arn: Attributes?.QueueArn ?? '' }
}
console.log('topic', TopicArn)

for (const [team, queue] of Object.entries(queues)) {
  // Step 2: SNS is a service principal; the condition limits the permission to this one topic
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: queue.url,
      Attributes: {
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'sns.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: queue.arn,
              Condition: { ArnEquals: { 'aws:SourceArn': TopicArn } },
            },
          ],
        }),
      },
    }),
  )
  // Step 3: raw delivery: the queue gets the published body itself instead of a JSON envelope around it
  const { SubscriptionArn } = await sns.send(
    new SubscribeCommand({
      TopicArn,
      Protocol: 'sqs',
      Endpoint: queue.arn,
      Attributes: { RawMessageDelivery: 'true' },
      ReturnSubscriptionArn: true,
    }),
  )
  console.log(team, 'subscribed:', SubscriptionArn)
}

// Step 4: publish once; SNS pushes a copy to every subscription
const order = { orderId: 'A-1001', customer: 'c-42', total: 59.9 }
const { MessageId } = await sns.send(
  new PublishCommand({
    TopicArn,
    Message: JSON.stringify(order),
    MessageAttributes: { eventType: { DataType: 'String', StringValue: 'order_placed' } },
  }),
)
console.log('published', MessageId)

const depth = async (QueueUrl: string) => {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
  )
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0)
}
for (let i = 0; i < 25; i++) {
  const depths = await Promise.all(Object.values(queues).map((q) => depth(q.url)))
  if (depths.every((d) => d > 0)) {
    console.log('both queues have the order:', depths)
    break
  }
  await setTimeout(200)
}
