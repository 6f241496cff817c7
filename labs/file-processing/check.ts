import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn'
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'fplab-'
const sfn = new SFNClient({})
const ddb = new DynamoDBClient({})
const sqs = new SQSClient({})

type Retrier = { ErrorEquals?: string[]; IntervalSeconds?: number; MaxAttempts?: number; BackoffRate?: number }
type Catcher = { ErrorEquals?: string[]; ResultPath?: string | null; Next?: string }
type State = {
  Type?: string
  Resource?: string
  Parameters?: Record<string, unknown>
  Retry?: Retrier[]
  Catch?: Catcher[]
  Next?: string
  End?: boolean
}

const parse = (text: string | undefined): Record<string, unknown> => {
  try {
    const value = JSON.parse(text ?? '{}')
    return value && typeof value === 'object' ? value : {}
  } catch {
    return {}
  }
}

async function failedQueueDepth(id: string) {
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `${id}-failed` }))
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    )
    return (
      Number(Attributes.ApproximateNumberOfMessages ?? 0) +
      Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
    )
  } catch {
    return 0
  }
}

async function inspect(id: string, arn: string): Promise<Expectation[]> {
  const { definition } = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }))
  let states: Record<string, State> = {}
  try {
    states = JSON.parse(definition ?? '{}').States ?? {}
  } catch {
    states = {}
  }
  const named = (name: string | undefined) => (name ? states[name] : undefined)
  const kind = (state: State | undefined) => state?.Resource?.replace('arn:aws:states:::', '') ?? state?.Type ?? 'none'

  // step 2: the transform task retries, then hands what is left to the failed queue
  const transform = states.Transform ?? {}
  const retrier = (transform.Retry ?? []).find((r) =>
    (r.ErrorEquals ?? []).some((e) => e === 'States.TaskFailed' || e === 'States.ALL'),
  )
  const attempts = retrier?.MaxAttempts ?? 3
  const backoff = retrier?.BackoffRate ?? 2
  const interval = retrier?.IntervalSeconds ?? 1
  const catcher = (transform.Catch ?? []).find((c) => (c.ErrorEquals ?? []).includes('States.ALL'))
  const errorBranch = named(catcher?.Next)
  const step2 = [
    expectTrue('Transform retries failed calls with backoff', Boolean(retrier) && backoff >= 1, {
      expected: 'a Retry rule for States.TaskFailed with a BackoffRate of at least 1',
      actual: retrier
        ? `IntervalSeconds ${interval}, MaxAttempts ${attempts}, BackoffRate ${backoff}`
        : transform.Retry?.length
          ? 'Retry, but not for States.TaskFailed'
          : 'no Retry on Transform',
      hint: 'Add Retry: [{ ErrorEquals: ["States.TaskFailed"], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 1.5 }].',
    }),
    expectTrue(
      'Retries stay short',
      Boolean(retrier) && attempts >= 1 && attempts <= 3 && interval <= 2 && backoff <= 2,
      {
        expected: 'MaxAttempts 1 to 3, IntervalSeconds at most 2, BackoffRate at most 2 (the run has 10 seconds)',
        actual: retrier ? `MaxAttempts ${attempts}, IntervalSeconds ${interval}, BackoffRate ${backoff}` : 'no retrier',
        hint: 'A file that fails three times in a row is broken, not unlucky: send it to the error branch.',
      },
    ),
    expectEqual(
      'Transform catches what the retries leave, keeping the input',
      catcher ? String(catcher.ResultPath ?? '$ (the error replaces the input)') : 'no Catch for States.ALL',
      '$.error',
      'Add Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "SendToFailedQueue" }].',
    ),
    expectEqual(
      'The error branch sends the file to the failed queue',
      !catcher ? 'no Catch' : errorBranch ? kind(errorBranch) : `${catcher.Next ?? 'no Next'} (missing state)`,
      'sqs:sendMessage',
      `Make the Catch's Next a Task with Resource arn:aws:states:::sqs:sendMessage and the ${id}-failed queue's URL.`,
    ),
  ]

  // step 3: the result is recorded once per file version
  const record = named(transform.Next)
  const condition = String(record?.Parameters?.ConditionExpression ?? '')
  const duplicate = (record?.Catch ?? []).find((c) =>
    (c.ErrorEquals ?? []).includes('DynamoDB.ConditionalCheckFailedException'),
  )
  const step3 = [
    expectEqual(
      'After Transform, the result is written to DynamoDB',
      record ? kind(record) : 'no state after Transform',
      'dynamodb:putItem',
      `Set Transform's Next to a Task with Resource arn:aws:states:::dynamodb:putItem on the table ${id}.`,
    ),
    expectTrue('The write happens once per file version', condition.includes('attribute_not_exists'), {
      expected: 'ConditionExpression attribute_not_exists(fileId)',
      actual: condition || 'no condition (a second run overwrites the first)',
      hint: 'A duplicate event or a re-run must not record the same file twice.',
    }),
    expectTrue('A duplicate is recognised, not a failure', Boolean(duplicate?.Next), {
      expected: 'a Catch for DynamoDB.ConditionalCheckFailedException that ends the run normally',
      actual: duplicate ? `Catch to ${duplicate.Next ?? 'nothing'}` : 'no Catch for the condition',
      hint: 'Catch DynamoDB.ConditionalCheckFailedException and go to a Succeed state named AlreadyProcessed.',
    }),
  ]

  // step 4: the outcome is announced on both paths
  const announce = named(record?.Next)
  const announceFailure = named(errorBranch?.Next)
  const step4 = [
    expectEqual(
      'After the write, the outcome is published',
      announce ? kind(announce) : 'no state after the write',
      'sns:publish',
      `Set the write's Next to a Task with Resource arn:aws:states:::sns:publish and the ${id}-outcomes topic.`,
    ),
    expectEqual(
      'After the failed queue, the failure is published',
      announceFailure ? kind(announceFailure) : 'no state after the failed queue',
      'sns:publish',
      'Give the failed-queue state a Next that publishes the failure on the same topic, so subscribers hear about it.',
    ),
  ]

  // step 5: the latest runs, and what they left behind
  const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn }))
  const runs: { status: string; fileId: string }[] = []
  for (const e of executions) {
    const run = await sfn.send(new DescribeExecutionCommand({ executionArn: e.executionArn }))
    runs.push({ status: run.status ?? 'unknown', fileId: String(parse(run.input).fileId ?? '') })
  }
  const good = runs.find((r) => r.fileId.includes('/incoming/report.csv#'))
  const broken = runs.find((r) => r.fileId.includes('/incoming/broken.csv#'))
  let item = 'not recorded'
  if (good?.fileId) {
    const { Item } = await ddb.send(new GetItemCommand({ TableName: id, Key: { fileId: { S: good.fileId } } }))
    if (Item) item = Item.status?.S ?? 'recorded without a status'
  }
  const depth = await failedQueueDepth(id)
  const step5: Expectation[] = [
    expectEqual(
      'Execution for incoming/report.csv',
      good?.status ?? 'not run',
      'SUCCEEDED',
      'Run your code: it uploads the file and starts an execution for its S3 event.',
    ),
    expectEqual(
      'Table item for that file version',
      item,
      'PROCESSED',
      'The write should store fileId, outputKey and status PROCESSED.',
    ),
    expectEqual(
      'Execution for incoming/broken.csv',
      broken?.status ?? 'not run',
      'SUCCEEDED',
      broken?.status === 'FAILED'
        ? 'The error escaped Transform: the Catch rule should route it to the error branch, which ends the run normally.'
        : 'Run your code: it uploads the broken file too.',
    ),
    {
      name: 'Messages in the failed queue',
      status: depth >= 1 ? 'pass' : 'fail',
      expected: 'at least 1 (the broken file)',
      actual: String(depth),
      hint: depth >= 1 ? undefined : 'The error branch should send the file (input plus error) to the failed queue.',
    },
  ]
  return [...inStep(2, step2), ...inStep(3, step3), ...inStep(4, step4), ...inStep(5, step5)]
}

/** Looks at every lab state machine in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const machines: { name: string; arn: string }[] = []
  let nextToken: string | undefined
  do {
    const page = await sfn.send(new ListStateMachinesCommand({ nextToken }))
    for (const m of page.stateMachines ?? [])
      if (m.name?.startsWith(PREFIX)) machines.push({ name: m.name, arn: m.stateMachineArn ?? '' })
    nextToken = page.nextToken
  } while (nextToken)
  const found: Expectation = {
    step: 1,
    name: 'Workflow from the starter code',
    status: machines.length ? 'pass' : 'fail',
    expected: `a state machine named ${PREFIX}…`,
    actual: machines.length ? machines.map((m) => m.name).join(', ') : 'none',
    hint: machines.length ? undefined : 'Run your code first: the starter builds the pipeline and the workflow.',
  }
  if (!machines.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (l: Expectation[]) => l.filter((e) => e.status === 'pass').length
  for (const m of machines) {
    const expectations = await inspect(m.name, m.arn)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
