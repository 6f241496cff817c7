import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns'
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs'

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

// TODO (step 2): a queue policy on each queue that lets this topic (and only this topic) send to it
// TODO (step 3): subscribe both queues to the topic with raw message delivery
// TODO (step 4): publish the order once, with the message attribute eventType = order_placed, then wait (a few
//                seconds at most) until both queues show a message
const order = { orderId: 'A-1001', customer: 'c-42', total: 59.9 }
console.log('order to publish', order)
