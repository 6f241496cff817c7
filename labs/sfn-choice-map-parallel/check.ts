import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn'
import { expectAtLeast, expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'sfnflow-'
const sfn = new SFNClient({})

type State = {
  Type?: string
  Branches?: unknown[]
  ItemProcessor?: { States?: Record<string, State> }
  Iterator?: { States?: Record<string, State> }
}
type Order = { orderId?: unknown; total?: unknown; items?: { sku?: unknown; qty?: unknown }[] }
type Summary = { shipping?: unknown; checks?: unknown; lines?: unknown }

/** Every state of a definition, including those inside Parallel branches and Map processors. */
function allStates(states: Record<string, State> | undefined): State[] {
  const found: State[] = []
  for (const state of Object.values(states ?? {})) {
    found.push(state)
    for (const branch of state.Branches ?? []) {
      if (
        branch &&
        typeof branch === 'object' &&
        'States' in branch &&
        branch.States &&
        typeof branch.States === 'object'
      )
        found.push(...allStates(Object.fromEntries(Object.entries(branch.States))))
    }
    found.push(...allStates((state.ItemProcessor ?? state.Iterator)?.States))
  }
  return found
}

/** What the workflow should produce for an order: the check's own answer. */
function expected(order: Order) {
  return {
    shipping: Number(order.total) >= 100 ? 'FREE' : 'STANDARD',
    checks: JSON.stringify(['stock-reserved', 'fraud-ok']),
    lines: JSON.stringify((order.items ?? []).map((i) => `${String(i.qty)} x ${String(i.sku)}`)),
  }
}

async function inspect(name: string, arn: string): Promise<Expectation[]> {
  const { definition } = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }))
  let states: State[] = []
  try {
    states = allStates(JSON.parse(definition ?? '{}').States)
  } catch {
    states = []
  }
  const types = new Set(states.map((s) => s.Type))
  const parallel = states.find((s) => s.Type === 'Parallel')

  // every succeeded run, with its input and output
  const { executions = [] } = await sfn.send(
    new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'SUCCEEDED', maxResults: 20 }),
  )
  const runs: { input: Order; output: Summary }[] = []
  for (const e of executions) {
    const run = await sfn.send(new DescribeExecutionCommand({ executionArn: e.executionArn }))
    try {
      runs.push({ input: JSON.parse(run.input ?? '{}'), output: JSON.parse(run.output ?? '{}') })
    } catch {
      // not JSON: not a run the lab asked for
    }
  }
  const rightShipping = (value: string) =>
    runs.filter((r) => expected(r.input).shipping === value && r.output.shipping === value).length
  const latest = runs[0]
  const show = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value))

  const choice = [
    expectTrue('Choice state in the definition', types.has('Choice'), {
      expected: 'a state of Type Choice',
      actual: types.size ? [...types].join(', ') : 'no states',
      hint: 'Add a Choice state with Choices: [{ Variable: "$.total", NumericGreaterThanEquals: 100, Next: … }] and a Default.',
    }),
    expectAtLeast(
      'Runs with a total of 100 or more that got shipping FREE',
      rightShipping('FREE'),
      1,
      'Run an order with a total of 100 or more; the Choice should send it to a state that sets $.shipping to "FREE".',
    ),
    expectAtLeast(
      'Runs with a total under 100 that got shipping STANDARD',
      rightShipping('STANDARD'),
      1,
      'Run an order with a total under 100 too, so the Default branch is tested.',
    ),
  ]
  const parallelSteps = [
    expectEqual(
      'Parallel state and its branches',
      parallel ? `Parallel with ${parallel.Branches?.length ?? 0} branches` : 'none',
      'Parallel with 2 branches',
      'Add a Parallel state with two Branches, each a small state machine with StartAt and States.',
    ),
    expectEqual(
      'checks in the output of the latest run',
      latest ? show(latest.output.checks) : 'no succeeded run',
      expected({}).checks,
      'A Parallel state outputs an array, one entry per branch in order: put it at $.checks with ResultPath.',
    ),
  ]
  const map = [
    expectTrue('Map state in the definition', types.has('Map'), {
      expected: 'a state of Type Map',
      actual: types.size ? [...types].join(', ') : 'no states',
      hint: 'Add a Map state with ItemsPath "$.items" and an ItemProcessor.',
    }),
    expectEqual(
      'lines in the output of the latest run',
      latest ? show(latest.output.lines) : 'no succeeded run',
      latest ? expected(latest.input).lines : '["1 x teapot","3 x tea"]',
      "Each iteration should return a plain string built with States.Format('{} x {}', $.qty, $.sku); collect them at $.lines.",
    ),
  ]
  return [...inStep(2, choice), ...inStep(3, parallelSteps), ...inStep(4, map)]
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
    hint: machines.length ? undefined : 'Run your code first: it creates the state machine and runs two orders.',
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
