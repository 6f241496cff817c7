import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn'
import { expectAtLeast, expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'sfnretry-'
const sfn = new SFNClient({})

type Retrier = { ErrorEquals?: string[]; IntervalSeconds?: number; MaxAttempts?: number; BackoffRate?: number }
type Catcher = { ErrorEquals?: string[]; ResultPath?: string | null; Next?: string }
type State = { Type?: string; Retry?: Retrier[]; Catch?: Catcher[]; Next?: string; End?: boolean }

const parse = (text: string | undefined): Record<string, unknown> => {
  try {
    const value = JSON.parse(text ?? '{}')
    return value && typeof value === 'object' ? value : {}
  } catch {
    return {}
  }
}

async function inspect(name: string, arn: string): Promise<Expectation[]> {
  const { definition } = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }))
  let states: Record<string, State> = {}
  try {
    states = JSON.parse(definition ?? '{}').States ?? {}
  } catch {
    states = {}
  }
  const charge = states.Charge ?? {}

  // the retrier that applies to errors the function throws: States.TaskFailed or the catch-all States.ALL
  const retrier = (charge.Retry ?? []).find((r) =>
    (r.ErrorEquals ?? []).some((e) => e === 'States.TaskFailed' || e === 'States.ALL'),
  )
  const interval = retrier?.IntervalSeconds ?? 1
  const attempts = retrier?.MaxAttempts ?? 3
  const backoff = retrier?.BackoffRate ?? 2
  const retry = [
    expectTrue('Charge retries errors the function throws', Boolean(retrier), {
      expected: 'a Retry rule whose ErrorEquals includes States.TaskFailed',
      actual: charge.Retry?.length
        ? `Retry for ${charge.Retry.map((r) => (r.ErrorEquals ?? []).join(', ')).join(' / ')}`
        : 'no Retry on Charge',
      hint: 'Add Retry: [{ ErrorEquals: ["States.TaskFailed"], ... }] to the Charge state.',
    }),
    expectTrue('Retries with exponential backoff', Boolean(retrier) && interval === 1 && backoff > 1 && backoff <= 2, {
      expected: 'IntervalSeconds 1 and a BackoffRate above 1 (at most 2, so the run stays short)',
      actual: retrier ? `IntervalSeconds ${interval}, BackoffRate ${backoff}` : 'no retrier',
      hint: 'BackoffRate multiplies the wait before each further attempt: 1 s, then 1.5 s with a rate of 1.5.',
    }),
    expectTrue('Number of retries', Boolean(retrier) && attempts >= 1 && attempts <= 2, {
      expected: '1 or 2 (MaxAttempts), so the run stays short',
      actual: retrier ? String(attempts) : 'no retrier',
      hint: 'Set MaxAttempts: 2. A payment provider that fails three times in a row is down, not hiccuping.',
    }),
  ]

  const catcher = (charge.Catch ?? []).find((c) => (c.ErrorEquals ?? []).includes('States.ALL'))
  const fallback = catcher?.Next ? states[catcher.Next] : undefined
  const catching = [
    expectEqual(
      'Charge catches every remaining error',
      catcher ? 'States.ALL' : charge.Catch?.length ? 'not States.ALL' : 'no Catch on Charge',
      'States.ALL',
      'Add Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "QueuePaymentForLater" }].',
    ),
    expectEqual(
      'Catch keeps the input and adds the error (ResultPath)',
      catcher ? String(catcher.ResultPath ?? '$ (the error replaces the input)') : 'no Catch',
      '$.error',
      'Without ResultPath the error object replaces the whole input, and the fallback no longer knows the order.',
    ),
    expectEqual(
      'Fallback state after the Catch',
      !catcher ? 'no Catch' : fallback ? `${catcher.Next} (${fallback.Type})` : `${catcher.Next ?? 'none'} (missing)`,
      'QueuePaymentForLater (Pass)',
      "Add the Pass state QueuePaymentForLater and name it in the Catch rule's Next.",
    ),
  ]

  // the latest run of this state machine, read back from its execution history
  const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn }))
  const latest = executions[0]
  let outcome = 'not run'
  let attemptsMade = 0
  let waits: number[] = []
  let output: Record<string, unknown> = {}
  if (latest?.executionArn) {
    const run = await sfn.send(new DescribeExecutionCommand({ executionArn: latest.executionArn }))
    outcome = run.status ?? 'unknown'
    output = parse(run.output)
    const { events = [] } = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: latest.executionArn, maxResults: 200 }),
    )
    const scheduled = events.filter((e) => e.type === 'TaskScheduled' || e.type === 'LambdaFunctionScheduled')
    attemptsMade = scheduled.length
    const failedAt = events
      .filter((e) => e.type === 'TaskFailed' || e.type === 'LambdaFunctionFailed')
      .map((e) => e.timestamp?.getTime() ?? 0)
    waits = scheduled.slice(1).map((e, i) => (e.timestamp?.getTime() ?? 0) - (failedAt[i] ?? 0))
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  const run = [
    expectEqual(
      `Latest execution of ${name}`,
      outcome,
      'SUCCEEDED',
      outcome === 'FAILED'
        ? 'The error escaped the Charge state: the Catch rule should send it to the fallback, which ends the run normally.'
        : outcome === 'RUNNING'
          ? 'The execution is still retrying: press Check again in a few seconds.'
          : 'Run your code: it starts one execution and waits for it.',
    ),
    expectAtLeast('Calls to the payment function in that execution', attemptsMade, 3, 'One call plus two retries.'),
    expectTrue(
      'Each retry waited longer than the one before',
      waits.length >= 2 && waits.every((w, i) => i === 0 || w > (waits[i - 1] ?? 0)),
      {
        expected: 'growing waits, such as 1.0 s then 1.5 s',
        actual: waits.length ? waits.map(seconds).join(' then ') : 'no retries',
        hint: 'Set a BackoffRate above 1 on the retrier.',
      },
    ),
    expectTrue('Output of the fallback', output.orderId !== undefined && output.status === 'PAYMENT_PENDING', {
      expected: 'the orderId and status PAYMENT_PENDING',
      actual: Object.keys(output).length ? JSON.stringify(output).slice(0, 120) : 'no output',
      hint: 'The fallback should pass on the orderId (kept by ResultPath) and set status: "PAYMENT_PENDING".',
    }),
  ]
  return [...inStep(2, retry), ...inStep(3, catching), ...inStep(4, run)]
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
    name: 'Lab state machine exists',
    status: machines.length ? 'pass' : 'fail',
    expected: `a state machine named ${PREFIX}…`,
    actual: machines.length ? machines.map((m) => m.name).join(', ') : 'none',
    hint: machines.length ? undefined : 'Run your code first: the starter creates the function and the state machine.',
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
