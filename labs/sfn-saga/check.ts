import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn'
import { expectEqual, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'sfnsaga-'
const sfn = new SFNClient({})
const ddb = new DynamoDBClient({})
const COMPENSATED = 'ReserveSeat > ChargeCard > IssueTicket > RefundCard > ReleaseSeat > BookingFailed'

type State = {
  Type?: string
  Resource?: string
  Parameters?: { TableName?: string }
  Catch?: { ErrorEquals?: string[]; Next?: string }[]
  Next?: string
}

async function item(TableName: string, key: string, value: string) {
  try {
    const { Item } = await ddb.send(new GetItemCommand({ TableName, Key: { [key]: { S: value } } }))
    return Item
  } catch {
    return undefined
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
  const task = (name: string) => {
    const s = states[name]
    if (!s) return 'missing'
    const action = s.Resource?.split(':').pop() ?? s.Type ?? '?'
    return `${action} on ${s.Parameters?.TableName ?? '?'}`
  }
  const catchTarget = (name: string) => {
    const rule =
      states[name]?.Catch?.find((c) => (c.ErrorEquals ?? []).includes('States.ALL')) ?? states[name]?.Catch?.[0]
    return rule?.Next ?? 'no Catch'
  }
  const release = states.ReleaseSeat
  const end = release?.Next ? states[release.Next] : undefined

  const compensations = [
    expectEqual(
      'RefundCard compensates ChargeCard',
      task('RefundCard'),
      `updateItem on ${id}-payments`,
      "Add RefundCard: a Task with Resource 'arn:aws:states:::dynamodb:updateItem' that sets the payment's status to REFUNDED.",
    ),
    expectEqual(
      'ReleaseSeat compensates ReserveSeat',
      task('ReleaseSeat'),
      `deleteItem on ${id}-seats`,
      "Add ReleaseSeat: a Task with Resource 'arn:aws:states:::dynamodb:deleteItem' and the seat as Key.",
    ),
  ]
  const wiring = [
    expectEqual(
      'Catch on IssueTicket goes to',
      catchTarget('IssueTicket'),
      'RefundCard',
      'The ticket failed after the card was charged: refund first.',
    ),
    expectEqual(
      'Catch on ChargeCard goes to',
      catchTarget('ChargeCard'),
      'ReleaseSeat',
      'The charge failed, so there is nothing to refund: only release the seat.',
    ),
    expectEqual(
      'After RefundCard comes',
      states.RefundCard?.Next ?? 'nothing',
      'ReleaseSeat',
      'Compensate in reverse order: after the refund, release the seat.',
    ),
    expectEqual(
      'After ReleaseSeat comes',
      !release ? 'no ReleaseSeat' : end ? `${release.Next} (${end.Type})` : (release.Next ?? 'nothing'),
      'BookingFailed (Fail)',
      'End the compensation path in a Fail state named BookingFailed, so the failed booking stays visible.',
    ),
  ]

  // the latest run: how it ended, which states it went through, and what it left in the tables
  const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn }))
  const latest = executions[0]
  let outcome = 'not run'
  let path = 'not run'
  let seat = 'not run'
  let payment = 'not run'
  if (latest?.executionArn) {
    const run = await sfn.send(new DescribeExecutionCommand({ executionArn: latest.executionArn }))
    outcome = `${run.status}${run.error ? `: ${run.error}` : ''}`
    const { events = [] } = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: latest.executionArn, maxResults: 200 }),
    )
    path = events.flatMap((e) => e.stateEnteredEventDetails?.name ?? []).join(' > ')
    let booking: { seat?: string; bookingId?: string } = {}
    try {
      booking = JSON.parse(run.input ?? '{}')
    } catch {
      booking = {}
    }
    seat = (await item(`${id}-seats`, 'seat', String(booking.seat)))?.status?.S ?? 'free'
    payment = (await item(`${id}-payments`, 'bookingId', String(booking.bookingId)))?.status?.S ?? 'no payment'
  }
  const run = [
    expectEqual(
      'Latest execution',
      outcome,
      'FAILED: BookingFailed',
      'A rolled-back booking still failed: the execution should end in the BookingFailed Fail state.',
    ),
    expectEqual(
      'States the latest execution went through',
      path,
      COMPENSATED,
      'IssueTicket fails every time; its Catch should lead through RefundCard and ReleaseSeat.',
    ),
    expectEqual(
      "The booking's seat afterwards",
      seat,
      'free',
      'ReleaseSeat should delete the seat item the booking reserved.',
    ),
    expectEqual(
      "The booking's payment afterwards",
      payment,
      'REFUNDED',
      "RefundCard should set the payment's status to REFUNDED.",
    ),
  ]
  return [...inStep(2, compensations), ...inStep(3, wiring), ...inStep(4, run)]
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
    hint: machines.length
      ? undefined
      : 'Run your code first: it creates the tables and the state machine and books a seat.',
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
