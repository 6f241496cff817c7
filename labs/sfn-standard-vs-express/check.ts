import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb'
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn'
import { expectAtLeast, expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'sfntypes-'
const sfn = new SFNClient({})
const ddb = new DynamoDBClient({})

const parse = (text: string | undefined): Record<string, unknown> => {
  try {
    const value = JSON.parse(text ?? '{}')
    return value && typeof value === 'object' ? value : {}
  } catch {
    return {}
  }
}

/** Whether the workflow added up its own input: "9500 + 1000 = 10500". */
function sum(subtotal: unknown, shipping: unknown, total: unknown) {
  const [a, b, t] = [Number(subtotal), Number(shipping), Number(total)]
  return {
    ok: Number.isFinite(a) && Number.isFinite(b) && t === a + b,
    text: `${String(subtotal)} + ${String(shipping)} = ${String(total)}`,
  }
}

async function inspect(id: string, arns: Map<string, string>): Promise<Expectation[]> {
  const expressArn = arns.get(`${id}-express`)
  let type = 'none'
  if (expressArn) ({ type = 'none' } = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: expressArn })))
  const created = [
    expectEqual(
      `Type of ${id}-express`,
      type,
      'EXPRESS',
      `Create ${id}-express with CreateStateMachineCommand, the same definition and roleArn, and type: 'EXPRESS'.`,
    ),
  ]

  const standardArn = arns.get(`${id}-standard`) ?? ''
  const { executions = [] } = await sfn.send(
    new ListExecutionsCommand({ stateMachineArn: standardArn, statusFilter: 'SUCCEEDED' }),
  )
  const latest = executions[0]
  let standardResult = { ok: false, text: 'no succeeded execution' }
  if (latest?.executionArn) {
    const run = await sfn.send(new DescribeExecutionCommand({ executionArn: latest.executionArn }))
    const input = parse(run.input)
    const output = parse(run.output)
    standardResult = sum(input.subtotal, input.shipping, output.total)
  }
  const standard = [
    expectAtLeast(
      'Succeeded executions of the standard workflow (ListExecutions)',
      executions.length,
      1,
      'Start the standard workflow with StartExecutionCommand and an input such as {"subtotal": 9500, "shipping": 1000}.',
    ),
    expectTrue('Output of the latest standard execution (DescribeExecution)', standardResult.ok, {
      expected: 'total = subtotal + shipping',
      actual: standardResult.text,
      hint: 'Pass whole numbers as subtotal and shipping: the Price state adds them with States.MathAdd.',
    }),
  ]

  // Express executions have no history to list or describe: the quote the workflow recorded is the evidence.
  let quotes: Record<string, { S?: string; N?: string }>[] = []
  try {
    ;({ Items: quotes = [] } = await ddb.send(new ScanCommand({ TableName: `${id}-quotes` })))
  } catch {
    quotes = []
  }
  const fromExpress = quotes.filter((q) => q.workflow?.S === `${id}-express`)
  const last = fromExpress.at(-1)
  const expressResult = last ? sum(last.subtotal?.N, last.shipping?.N, last.total?.N) : { ok: false, text: 'no quote' }
  const express = [
    expectAtLeast(
      'Quotes recorded by the express workflow',
      fromExpress.length,
      1,
      `Start ${id}-express with StartExecutionCommand; its Record state writes the quote to ${id}-quotes.`,
    ),
    expectTrue('Total of an express quote', expressResult.ok, {
      expected: 'total = subtotal + shipping',
      actual: expressResult.text,
      hint: 'Pass whole numbers as subtotal and shipping.',
    }),
  ]
  return [...inStep(2, created), ...inStep(3, standard), ...inStep(4, express)]
}

/** Looks at every lab in the learner's account (one standard state machine each) and reports on the one furthest along. */
export default async function check() {
  const arns = new Map<string, string>()
  let nextToken: string | undefined
  do {
    const page = await sfn.send(new ListStateMachinesCommand({ nextToken }))
    for (const m of page.stateMachines ?? []) if (m.name?.startsWith(PREFIX)) arns.set(m.name, m.stateMachineArn ?? '')
    nextToken = page.nextToken
  } while (nextToken)
  const ids = [...arns.keys()].filter((n) => n.endsWith('-standard')).map((n) => n.slice(0, -'-standard'.length))
  const found: Expectation = {
    step: 1,
    name: 'Standard state machine from the starter',
    status: ids.length ? 'pass' : 'fail',
    expected: `a state machine named ${PREFIX}…-standard`,
    actual: ids.length ? ids.map((id) => `${id}-standard`).join(', ') : 'none',
    hint: ids.length
      ? undefined
      : 'Run your code first: the starter creates the table, the role and the standard workflow.',
  }
  if (!ids.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (l: Expectation[]) => l.filter((e) => e.status === 'pass').length
  for (const id of ids) {
    const expectations = await inspect(id, arns)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
