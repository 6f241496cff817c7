import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  SNSClient,
} from '@aws-sdk/client-sns'
import { GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectEqual, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'fanoutlab-'
const TEAMS = ['billing', 'warehouse'] as const

type Statement = {
  Effect?: string
  Principal?: string | { Service?: string | string[] }
  Action?: string | string[]
  Condition?: Record<string, Record<string, string | string[]>>
}
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** What a queue policy grants SNS, in words. */
function policyFor(policy: string | undefined, topicArn: string): string {
  if (!policy) return 'no queue policy'
  let statements: Statement[]
  try {
    const parsed: { Statement?: Statement | Statement[] } = JSON.parse(policy)
    statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : []
  } catch {
    return 'a policy that is not valid JSON'
  }
  const forSns = statements.filter(
    (s) =>
      s.Effect === 'Allow' &&
      typeof s.Principal === 'object' &&
      list(s.Principal.Service).includes('sns.amazonaws.com') &&
      list(s.Action).some((a) => ['sqs:sendmessage', 'sqs:*'].includes(a.toLowerCase())),
  )
  if (!forSns.length) return 'no statement allowing sns.amazonaws.com to sqs:SendMessage'
  const scoped = forSns.some((s) =>
    Object.values(s.Condition ?? {}).some((block) =>
      Object.entries(block).some(
        ([key, value]) => key.toLowerCase() === 'aws:sourcearn' && list(value).includes(topicArn),
      ),
    ),
  )
  return scoped ? 'the topic may send' : 'any topic may send (no aws:SourceArn condition)'
}

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

/** The queue's visible messages, read without taking them (VisibilityTimeout 0). */
async function peek(sqs: SQSClient, QueueUrl: string) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 0,
      MessageAttributeNames: ['All'],
    }),
  )
  return Messages
}

async function inspectTeam(sns: SNSClient, sqs: SQSClient, id: string, topicArn: string, team: string) {
  const name = `${id}-${team}`
  let QueueUrl: string | undefined
  let attributes: Record<string, string> = {}
  try {
    ;({ QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name })))
    ;({ Attributes: attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }),
    ))
  } catch {
    QueueUrl = undefined
  }
  const { Subscriptions = [] } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))
  const subscription = Subscriptions.find((s) => s.Protocol === 'sqs' && s.Endpoint === attributes.QueueArn)
  let raw: string | undefined
  if (subscription?.SubscriptionArn?.startsWith('arn:')) {
    const { Attributes = {} } = await sns.send(
      new GetSubscriptionAttributesCommand({ SubscriptionArn: subscription.SubscriptionArn }),
    )
    raw = Attributes.RawMessageDelivery
  }

  const messages = QueueUrl ? await peek(sqs, QueueUrl) : []
  const inFlight = Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
  const describe = () => {
    if (!messages.length) return inFlight ? `${inFlight} message(s) received and not visible` : 'no message'
    if (messages.length > 1) return `${messages.length} messages`
    const [m] = messages
    let body: { orderId?: string; Type?: string } = {}
    try {
      body = JSON.parse(m?.Body ?? '')
    } catch {
      return 'a message that is not the order'
    }
    if (body.Type === 'Notification') return 'the order inside an SNS JSON envelope'
    if (body.orderId !== 'A-1001') return 'a message that is not the order'
    const eventType = m?.MessageAttributes?.eventType?.StringValue
    return eventType === 'order_placed'
      ? 'the order, raw, with eventType order_placed'
      : 'the order, raw, without the eventType attribute'
  }

  return {
    policy: expectEqual(
      `Queue policy of ${team}`,
      QueueUrl ? policyFor(attributes.Policy, topicArn) : `no queue ${name}`,
      'the topic may send',
      'Set the queue\'s Policy attribute: Allow, Principal { Service: "sns.amazonaws.com" }, Action "sqs:SendMessage", Condition ArnEquals { "aws:SourceArn": <topic ARN> }.',
    ),
    subscription: expectEqual(
      `Subscription of ${team}`,
      !subscription
        ? 'not subscribed'
        : raw === 'true'
          ? 'raw message delivery'
          : 'JSON envelope (RawMessageDelivery off)',
      'raw message delivery',
      subscription
        ? 'Pass Attributes: { RawMessageDelivery: "true" } to SubscribeCommand (or set it with SetSubscriptionAttributesCommand).'
        : 'SubscribeCommand with Protocol "sqs" and the queue ARN as Endpoint.',
    ),
    delivery: expectEqual(
      `What ${team} received`,
      describe(),
      'the order, raw, with eventType order_placed',
      messages.length > 1
        ? 'Publish the order once: each subscribed queue gets one copy per publish.'
        : 'Publish after subscribing, with MessageAttributes: { eventType: { DataType: "String", StringValue: "order_placed" } }.',
    ),
  }
}

async function inspect(sns: SNSClient, sqs: SQSClient, topicArn: string): Promise<Expectation[]> {
  const id = (topicArn.split(':').pop() ?? '').slice(0, -'-orders'.length)
  const teams = await Promise.all(TEAMS.map((team) => inspectTeam(sns, sqs, id, topicArn, team)))
  return [
    ...inStep(
      2,
      teams.map((t) => t.policy),
    ),
    ...inStep(
      3,
      teams.map((t) => t.subscription),
    ),
    ...inStep(
      4,
      teams.map((t) => t.delivery),
    ),
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
