import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  SNSClient,
} from '@aws-sdk/client-sns'
import { GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectEqual, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'filterlab-'

async function topicArns(sns: SNSClient) {
  const arns: string[] = []
  let NextToken: string | undefined
  do {
    const page = await sns.send(new ListTopicsCommand({ NextToken }))
    arns.push(...(page.Topics ?? []).map((t) => t.TopicArn ?? ''))
    NextToken = page.NextToken
  } while (NextToken)
  return arns
}

/** Order ids of the queue's visible messages, read without taking them (VisibilityTimeout 0), raw or enveloped. */
async function orderIds(sqs: SQSClient, QueueUrl: string) {
  const seen = new Map<string, string>()
  for (let i = 0; i < 3; i++) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
    )
    for (const m of Messages) {
      try {
        let body: { orderId?: string; Type?: string; Message?: string } = JSON.parse(m.Body ?? '')
        if (body.Type === 'Notification' && body.Message) body = JSON.parse(body.Message)
        seen.set(m.MessageId ?? '', body.orderId ?? '?')
      } catch {
        seen.set(m.MessageId ?? '', '?')
      }
    }
    if (Messages.length < 10) break
  }
  return [...seen.values()].sort()
}

async function inspectQueue(sns: SNSClient, sqs: SQSClient, id: string, topicArn: string, name: string) {
  let QueueUrl: string | undefined
  let attributes: Record<string, string> = {}
  try {
    ;({ QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `${id}-${name}` })))
    ;({ Attributes: attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }),
    ))
  } catch {
    QueueUrl = undefined
  }
  const { Subscriptions = [] } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))
  const subscription = Subscriptions.find((s) => s.Protocol === 'sqs' && s.Endpoint === attributes.QueueArn)
  let scope = 'not subscribed'
  if (subscription?.SubscriptionArn?.startsWith('arn:')) {
    const { Attributes: a = {} } = await sns.send(
      new GetSubscriptionAttributesCommand({ SubscriptionArn: subscription.SubscriptionArn }),
    )
    scope = a.FilterPolicy ? (a.FilterPolicyScope ?? 'MessageAttributes') : 'no filter policy'
  }
  const ids = QueueUrl ? await orderIds(sqs, QueueUrl) : []
  const hidden = Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
  const received = ids.length ? ids.join(', ') : hidden ? `${hidden} message(s) received and not visible` : 'none'
  return { scope, received }
}

async function inspect(sns: SNSClient, sqs: SQSClient, topicArn: string): Promise<Expectation[]> {
  const id = (topicArn.split(':').pop() ?? '').slice(0, -'-orders'.length)
  const big = await inspectQueue(sns, sqs, id, topicArn, 'big-orders')
  const eu = await inspectQueue(sns, sqs, id, topicArn, 'eu-shipping')
  return [
    ...inStep(2, [
      expectEqual(
        'Filter policy scope of the big-orders subscription',
        big.scope,
        'MessageAttributes',
        big.scope === 'not subscribed'
          ? 'Subscribe the big-orders queue with SubscribeCommand and a FilterPolicy attribute.'
          : 'Filter on the message attributes: leave FilterPolicyScope out (or set it to "MessageAttributes").',
      ),
      expectEqual(
        'Orders delivered to big-orders',
        big.received,
        'A-1, A-5',
        'FilterPolicy: { "eventType": ["order_placed"], "total": [{ "numeric": [">=", 100] }] }. Keys are ANDed, values in a list are ORed; subscribe before the orders are published.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Filter policy scope of the eu-shipping subscription',
        eu.scope,
        'MessageBody',
        eu.scope === 'not subscribed'
          ? 'Subscribe the eu-shipping queue with SubscribeCommand and a FilterPolicy attribute.'
          : 'Set the subscription attribute FilterPolicyScope to "MessageBody" to match fields of the JSON body.',
      ),
      expectEqual(
        'Orders delivered to eu-shipping',
        eu.received,
        'A-1, A-3, A-4',
        'A body policy mirrors the JSON structure: { "shipping": { "country": ["DE", "FR", "NL"] } }.',
      ),
    ]),
  ]
}

/** Looks at every lab topic in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const sns = new SNSClient({})
  const sqs = new SQSClient({})
  const topics = (await topicArns(sns)).filter((arn) => {
    const name = arn.split(':').pop() ?? ''
    return name.startsWith(PREFIX) && name.endsWith('-orders')
  })
  const found: Expectation = {
    step: 1,
    name: 'Orders topic from the starter',
    status: topics.length ? 'pass' : 'fail',
    expected: `a topic named ${PREFIX}…-orders`,
    actual: topics.length ? topics.map((arn) => arn.split(':').pop()).join(', ') : 'none',
    hint: topics.length ? undefined : 'Run your code first: the starter creates the topic and the queues.',
  }
  if (!topics.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const arn of topics) {
    const expectations = await inspect(sns, sqs, arn)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
