import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  ListStackResourcesCommand,
  ListStacksCommand,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation'
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import {
  expectCalledBefore,
  expectEqual,
  expectTrue,
  inStep,
  resultOf,
  type CheckContext,
  type Expectation,
} from '../check-kit'

const PREFIX = 'cfnlab-'
const cfn = new CloudFormationClient({})
const sqs = new SQSClient({})

async function labStacks(): Promise<string[]> {
  const names: string[] = []
  let NextToken: string | undefined
  do {
    const page = await cfn.send(new ListStacksCommand({ NextToken }))
    for (const s of page.StackSummaries ?? []) {
      if (s.StackName?.startsWith(PREFIX) && !s.StackStatus?.startsWith('DELETE_')) names.push(s.StackName)
    }
    NextToken = page.NextToken
  } while (NextToken)
  return [...new Set(names)]
}

/** The submitted template as an object (stack first, then the change set for a stack that was never executed). */
async function template(StackName: string): Promise<Record<string, unknown>> {
  for (const input of [{ StackName }, { StackName, ChangeSetName: 'initial' }]) {
    try {
      const { TemplateBody } = await cfn.send(new GetTemplateCommand(input))
      const parsed: unknown = JSON.parse(TemplateBody ?? '')
      if (parsed && typeof parsed === 'object') return { ...parsed }
    } catch {
      // try the next source
    }
  }
  return {}
}

function envParameter(tpl: Record<string, unknown>): string {
  const params: unknown = tpl.Parameters
  const env: unknown = params && typeof params === 'object' ? Reflect.get(params, 'Env') : undefined
  if (!env || typeof env !== 'object') return 'no parameter Env'
  const type: unknown = Reflect.get(env, 'Type')
  const allowed: unknown = Reflect.get(env, 'AllowedValues')
  const def: unknown = Reflect.get(env, 'Default')
  const list = Array.isArray(allowed) ? [...allowed].map(String).sort().join('|') : 'any'
  return `${String(type)}, allowed ${list}, default ${def === undefined ? 'none' : String(def)}`
}

/** Messages waiting in the queue, read without taking them off it, and how many are being processed right now. */
async function queueContents(QueueUrl: string) {
  try {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0, WaitTimeSeconds: 0 }),
    )
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] }),
    )
    const topics = Messages.map((m) => {
      try {
        const envelope = JSON.parse(m.Body ?? '{}')
        return envelope.Type === 'Notification' ? String(envelope.TopicArn) : 'not from SNS'
      } catch {
        return 'not from SNS'
      }
    })
    return { topics, inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) }
  } catch {
    return undefined
  }
}

async function inspect(StackName: string, calls: CheckContext['calls']): Promise<Expectation[]> {
  const { Stacks = [] } = await cfn.send(new DescribeStacksCommand({ StackName }))
  const stack = Stacks[0]
  const status = stack?.StackStatus ?? 'missing'
  const tpl = await template(StackName)
  let resources: StackResourceSummary[] = []
  try {
    resources = (await cfn.send(new ListStackResourcesCommand({ StackName }))).StackResourceSummaries ?? []
  } catch {
    resources = []
  }
  const physical = (type: string) => resources.find((r) => r.ResourceType === type)?.PhysicalResourceId
  const topicArn = physical('AWS::SNS::Topic')
  const queueUrl = physical('AWS::SQS::Queue')
  const queueName = queueUrl?.split('/').pop()
  const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']))
  const notCreated = `stack is ${status}`

  const { StackEvents = [] } = await cfn.send(new DescribeStackEventsCommand({ StackName }))
  const ownEvents = StackEvents.filter((e) => e.ResourceType === 'AWS::CloudFormation::Stack')
  // a stack created by a CREATE change set starts in REVIEW_IN_PROGRESS; CreateStack starts in CREATE_IN_PROGRESS
  const first: string | undefined = ownEvents.at(-1)?.ResourceStatus

  const contents = queueUrl ? await queueContents(queueUrl) : undefined
  const delivered = Boolean(topicArn && contents?.topics.includes(topicArn))

  const outputsPointRight =
    Boolean(topicArn && queueUrl) &&
    outputs.TopicArn === topicArn &&
    outputs.QueueUrl === queueUrl &&
    Boolean(queueName && outputs.QueueArn?.endsWith(`:${queueName}`))

  return [
    ...inStep(1, [
      expectEqual(
        'Parameter Env in the template',
        envParameter(tpl),
        'String, allowed dev|prod, default dev',
        'Parameters: { Env: { Type: "String", AllowedValues: ["dev", "prod"], Default: "dev" } }.',
      ),
      expectEqual(
        'Value of Env for this stack',
        stack?.Parameters?.find((p) => p.ParameterKey === 'Env')?.ParameterValue ?? 'not passed',
        'prod',
        'Pass Parameters: [{ ParameterKey: "Env", ParameterValue: "prod" }] to CreateChangeSetCommand.',
      ),
      expectEqual(
        'Name of the topic the stack created',
        topicArn ? (topicArn.split(':').pop() ?? '') : notCreated,
        `${StackName}-prod-orders`,
        'TopicName: { "Fn::Sub": "${AWS::StackName}-${Env}-orders" } on the topic.',
      ),
    ]),
    ...inStep(2, [
      expectEqual(
        'Outputs of the stack',
        Object.keys(outputs).sort().join(', ') || (status === 'REVIEW_IN_PROGRESS' ? notCreated : 'none'),
        'QueueArn, QueueUrl, TopicArn',
        'Declare Outputs TopicArn (Ref of the topic), QueueUrl (Ref of the queue) and QueueArn (Fn::GetAtt Arn).',
      ),
      expectTrue("Outputs name the stack's own topic and queue", outputsPointRight, {
        expected: 'TopicArn, QueueUrl and QueueArn of the resources in this stack',
        actual: !topicArn
          ? notCreated
          : outputsPointRight
            ? 'TopicArn, QueueUrl and QueueArn of the resources in this stack'
            : `TopicArn=${outputs.TopicArn ?? '-'}, QueueUrl=${outputs.QueueUrl ?? '-'}, QueueArn=${outputs.QueueArn ?? '-'}`,
        hint: 'For a queue, Ref gives its URL and Fn::GetAtt [Queue, "Arn"] its ARN; for a topic, Ref gives its ARN.',
      }),
    ]),
    ...inStep(3, [
      expectEqual(
        'Stack status',
        status,
        'CREATE_COMPLETE',
        status === 'REVIEW_IN_PROGRESS'
          ? 'The change set was never executed: call ExecuteChangeSetCommand after reviewing it.'
          : 'Wait for the stack with waitUntilStackCreateComplete; a failed stack shows the reason in its events.',
      ),
      expectEqual(
        'How the stack was created',
        first === 'REVIEW_IN_PROGRESS' ? 'through a change set' : 'directly (CreateStack)',
        'through a change set',
        'Create the stack with CreateChangeSetCommand (ChangeSetType CREATE) and ExecuteChangeSetCommand.',
      ),
      expectCalledBefore(
        calls,
        'DescribeChangeSet',
        'ExecuteChangeSet',
        'Review the change set with DescribeChangeSetCommand before you execute it.',
      ),
    ]),
    ...inStep(4, [
      expectTrue("Message delivered through the stack's topic to its queue", delivered, {
        expected: 'a message published to TopicArn, waiting in the queue',
        actual: delivered
          ? 'a message published to TopicArn, waiting in the queue'
          : !queueUrl
            ? notCreated
            : contents === undefined
              ? 'the queue could not be read'
              : contents.topics.length
                ? `${contents.topics.length} message(s), none from the stack's topic`
                : contents.inFlight
                  ? `${contents.inFlight} message(s) in flight: your code received them; they reappear after the visibility timeout`
                  : 'no messages',
        hint: 'PublishCommand to the TopicArn output; receive with VisibilityTimeout: 0 to read without hiding it.',
      }),
    ]),
  ]
}

/** Looks at every lab stack in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const names = await labStacks()
  const found: Expectation = {
    step: 1,
    name: 'Lab stack',
    status: names.length ? 'pass' : 'fail',
    expected: `a stack named ${PREFIX}…`,
    actual: names.length ? names.join(', ') : 'none',
    hint: names.length ? undefined : 'Run your code first: the starter submits a change set, which creates the stack.',
  }
  if (!names.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const name of names) {
    const expectations = await inspect(name, calls)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
