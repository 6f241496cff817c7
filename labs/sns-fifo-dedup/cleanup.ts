import {
  DeleteTopicCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  SNSClient,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab topic (its subscriptions first) and every lab queue from the learner's account.
const PREFIX = 'snsfifolab-'
const sns = new SNSClient({})
const sqs = new SQSClient({})
const topics: string[] = []
let NextToken: string | undefined
do {
  const page = await sns.send(new ListTopicsCommand({ NextToken }))
  topics.push(...(page.Topics ?? []).map((t) => t.TopicArn ?? ''))
  NextToken = page.NextToken
} while (NextToken)
for (const TopicArn of topics.filter((arn) => arn.split(':').pop()?.startsWith(PREFIX))) {
  const { Subscriptions = [] } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))
  for (const { SubscriptionArn } of Subscriptions) {
    if (SubscriptionArn?.startsWith('arn:')) await sns.send(new UnsubscribeCommand({ SubscriptionArn }))
  }
  await sns.send(new DeleteTopicCommand({ TopicArn }))
  console.log('removed topic', TopicArn)
}
const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
for (const QueueUrl of QueueUrls) {
  await sqs.send(new DeleteQueueCommand({ QueueUrl }))
  console.log('removed queue', QueueUrl)
}
