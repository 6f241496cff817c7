import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  GetLogEventsCommand,
  type LogGroup,
  type OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs'
import { expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = '/cloudbook/emflab-'
const logs = new CloudWatchLogsClient({})

const UNITS = new Set(
  [
    'Seconds Microseconds Milliseconds Bytes Kilobytes Megabytes Gigabytes Terabytes Bits Kilobits Megabits Gigabits',
    'Terabits Percent Count None',
  ]
    .join(' ')
    .split(' ')
    .concat(
      'Bytes Kilobytes Megabytes Gigabytes Terabytes Bits Kilobits Megabits Gigabits Terabits Count'
        .split(' ')
        .map((u) => `${u}/Second`),
    ),
)

type Directive = { namespace: string; dimensionSets: string[][]; metrics: string[] }
type Parsed = { ok: true; directives: Directive[]; root: Record<string, unknown> } | { ok: false; problem: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Validates one log message against the Embedded Metric Format specification, returning the first problem found. */
function parseEmf(message: string): Parsed {
  let root: unknown
  try {
    root = JSON.parse(message)
  } catch {
    return { ok: false, problem: 'the line is not JSON' }
  }
  if (!isObject(root)) return { ok: false, problem: 'the line is not a JSON object' }
  const meta = root._aws
  if (!isObject(meta)) return { ok: false, problem: 'no _aws metadata object' }
  if (!isNumber(meta.Timestamp)) return { ok: false, problem: '_aws.Timestamp is not a number' }
  if (meta.Timestamp < 1e12) return { ok: false, problem: '_aws.Timestamp looks like seconds, not milliseconds' }
  const list = meta.CloudWatchMetrics
  if (!Array.isArray(list) || !list.length)
    return { ok: false, problem: '_aws.CloudWatchMetrics is not a non-empty list' }
  const directives: Directive[] = []
  for (const d of list) {
    if (!isObject(d)) return { ok: false, problem: 'a CloudWatchMetrics entry is not an object' }
    if (typeof d.Namespace !== 'string' || !d.Namespace) return { ok: false, problem: 'a directive has no Namespace' }
    if (d.Namespace.startsWith('AWS/')) return { ok: false, problem: 'namespaces starting with AWS/ are reserved' }
    if (!Array.isArray(d.Dimensions)) return { ok: false, problem: 'a directive has no Dimensions list' }
    const dimensionSets: string[][] = []
    for (const set of d.Dimensions) {
      if (!Array.isArray(set) || !set.every((k) => typeof k === 'string'))
        return { ok: false, problem: 'Dimensions must be a list of lists of member names' }
      if (set.length > 30) return { ok: false, problem: 'a dimension set has more than 30 dimensions' }
      for (const key of set) {
        if (!(key in root)) return { ok: false, problem: `dimension ${key} is not a member of the line` }
        if (typeof root[key] !== 'string') return { ok: false, problem: `dimension ${key} does not hold a string` }
      }
      dimensionSets.push(set)
    }
    if (!Array.isArray(d.Metrics) || !d.Metrics.length) return { ok: false, problem: 'a directive has no Metrics' }
    if (d.Metrics.length > 100) return { ok: false, problem: 'a directive names more than 100 metrics' }
    const metrics: string[] = []
    for (const m of d.Metrics) {
      if (!isObject(m) || typeof m.Name !== 'string') return { ok: false, problem: 'a metric definition has no Name' }
      const value = root[m.Name]
      const values = Array.isArray(value) ? value : [value]
      if (!values.length || values.length > 100 || !values.every(isNumber))
        return { ok: false, problem: `metric ${m.Name} has no numeric value at the top level` }
      if (m.Unit !== undefined && (typeof m.Unit !== 'string' || !UNITS.has(m.Unit)))
        return { ok: false, problem: `metric ${m.Name} has the unknown unit ${String(m.Unit)}` }
      if (m.StorageResolution !== undefined && m.StorageResolution !== 1 && m.StorageResolution !== 60)
        return { ok: false, problem: `metric ${m.Name} has a StorageResolution other than 1 or 60` }
      metrics.push(`${m.Name} ${m.Unit ?? 'None'}`)
    }
    directives.push({ namespace: d.Namespace, dimensionSets, metrics })
  }
  return { ok: true, directives, root }
}

async function streamEvents(logGroupName: string): Promise<OutputLogEvent[]> {
  try {
    const { events = [] } = await logs.send(
      new GetLogEventsCommand({ logGroupName, logStreamName: 'requests', startFromHead: true, limit: 1000 }),
    )
    return events
  } catch {
    return []
  }
}

const setText = (sets: string[][]) => sets.map((s) => `[${s.join(', ')}]`).join(' ') || 'none'

async function inspect(logGroupName: string): Promise<Expectation[]> {
  const events = await streamEvents(logGroupName)
  const parsed = events.map((e) => parseEmf(e.message ?? ''))
  const valid = parsed.filter((p) => p.ok)
  const firstProblem = parsed.findIndex((p) => !p.ok)
  const problem = firstProblem === -1 ? undefined : parsed[firstProblem]
  const allValid = events.length > 0 && valid.length === events.length
  const directives = valid.flatMap((p) => p.directives)
  const checkout = directives.filter((d) => d.namespace === 'Cloudbook/Checkout')
  const everyLine = (test: (p: Extract<Parsed, { ok: true }>) => boolean) =>
    allValid && valid.every((p) => p.ok && test(p))
  const inCheckout = (p: Extract<Parsed, { ok: true }>) =>
    p.directives.filter((d) => d.namespace === 'Cloudbook/Checkout')
  const hasSet = (wanted: string[]) => (p: Extract<Parsed, { ok: true }>) =>
    inCheckout(p).some((d) =>
      d.dimensionSets.some((s) => s.length === wanted.length && wanted.every((k) => s.includes(k))),
    )
  const seenSets = checkout[0]?.dimensionSets ?? []
  const orderIdClean = everyLine(
    (p) =>
      typeof p.root.orderId === 'string' &&
      p.directives.every((d) => d.dimensionSets.every((s) => !s.includes('orderId'))),
  )

  return [
    ...inStep(1, [
      expectTrue('Lines in the stream requests', events.length >= 4, {
        expected: 'at least 4',
        actual: String(events.length),
        hint: 'Keep the PutLogEventsCommand call of the starter: one line per request.',
      }),
    ]),
    ...inStep(2, [
      expectTrue('Lines that are valid EMF documents', allValid, {
        expected: events.length ? `all ${events.length} lines` : 'every line',
        actual:
          `${valid.length} of ${events.length}` +
          (problem && !problem.ok ? ` (line ${firstProblem + 1}: ${problem.problem})` : ''),
        hint: 'Every line needs _aws.Timestamp (milliseconds) and _aws.CloudWatchMetrics naming members of the line.',
      }),
      expectEqual(
        'Namespace of the metrics',
        [...new Set(directives.map((d) => d.namespace))].join(', ') || 'none',
        'Cloudbook/Checkout',
        'Set Namespace: "Cloudbook/Checkout" in the directive.',
      ),
      expectTrue(
        'Metric defined in every line',
        everyLine((p) => inCheckout(p).some((d) => d.metrics.includes('Latency Milliseconds'))),
        {
          expected: 'Latency Milliseconds',
          actual: [...new Set(checkout.flatMap((d) => d.metrics))].join(', ') || 'none',
          hint: 'Metrics: [{ Name: "Latency", Unit: "Milliseconds" }]; the number stays in the member Latency.',
        },
      ),
      expectTrue('Per-provider dimension set in every line', everyLine(hasSet(['Service', 'PaymentProvider'])), {
        expected: '[Service, PaymentProvider]',
        actual: setText(seenSets),
        hint: 'Dimensions: [["Service", "PaymentProvider"]]; both members hold strings in each line.',
      }),
      expectTrue('orderId stays a plain member, not a dimension', orderIdClean, {
        expected: 'orderId in every line, in no dimension set',
        actual: !allValid
          ? 'the lines are not all valid EMF yet'
          : orderIdClean
            ? 'orderId in every line, in no dimension set'
            : 'orderId missing from a line or used as a dimension',
        hint: 'Each distinct dimension value is a separate billed metric: keep per-order ids out of the dimensions.',
      }),
    ]),
    ...inStep(3, [
      expectTrue('Service-wide dimension set in every line', everyLine(hasSet(['Service'])), {
        expected: '[Service, PaymentProvider] [Service]',
        actual: setText(seenSets),
        hint: 'Add a second dimension set: Dimensions: [["Service", "PaymentProvider"], ["Service"]].',
      }),
    ]),
  ]
}

/** Looks at every lab log group in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const groups: LogGroup[] = []
  let nextToken: string | undefined
  do {
    const page = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: PREFIX, nextToken }))
    groups.push(...(page.logGroups ?? []))
    nextToken = page.nextToken
  } while (nextToken)
  const names = groups.map((g) => g.logGroupName ?? '')
  const found: Expectation = {
    step: 1,
    name: 'Log group from the starter code',
    status: names.length ? 'pass' : 'fail',
    expected: `a log group named ${PREFIX}…/checkout`,
    actual: names.length ? names.join(', ') : 'none',
    hint: names.length ? undefined : 'Run your code first: the starter creates the log group and writes the lines.',
  }
  if (!names.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const name of names) {
    const expectations = await inspect(name)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
