import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  DescribeMetricFiltersCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type LogGroup,
  type OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs'
import { expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = '/cloudbook/loglab-'
const logs = new CloudWatchLogsClient({})

async function logGroups(): Promise<LogGroup[]> {
  const groups: LogGroup[] = []
  let nextToken: string | undefined
  do {
    const page = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: PREFIX, nextToken }))
    groups.push(...(page.logGroups ?? []))
    nextToken = page.nextToken
  } while (nextToken)
  return groups
}

async function streamEvents(logGroupName: string, logStreamName: string): Promise<OutputLogEvent[] | undefined> {
  try {
    const { events = [] } = await logs.send(
      new GetLogEventsCommand({ logGroupName, logStreamName, startFromHead: true, limit: 1000 }),
    )
    return events
  } catch {
    return undefined
  }
}

async function inspect(group: LogGroup): Promise<Expectation[]> {
  const logGroupName = group.logGroupName ?? ''
  const { logStreams = [] } = await logs.send(new DescribeLogStreamsCommand({ logGroupName }))
  const streamNames = logStreams.map((s) => s.logStreamName ?? '')
  const events = (await streamEvents(logGroupName, 'instance-1')) ?? []
  const errorLines = events.filter((e) => /\bERROR\b/.test(e.message ?? ''))

  const { metricFilters = [] } = await logs.send(new DescribeMetricFiltersCommand({ logGroupName }))
  const filter = metricFilters.find((f) => f.filterName === 'errors')
  const transformation = filter?.metricTransformations?.[0]
  const noFilter = 'no metric filter named errors'

  // What the learner's pattern matches among the events of the group, using the service's own pattern matcher.
  let matched: string[] | undefined
  if (filter && events.length) {
    try {
      const found = await logs.send(
        new FilterLogEventsCommand({ logGroupName, filterPattern: filter.filterPattern ?? '', limit: 1000 }),
      )
      matched = (found.events ?? []).map((e) => e.message ?? '')
    } catch {
      matched = undefined
    }
  }
  // Terms in a pattern are case-sensitive on AWS; the emulator's matcher is not, so compare the terms here too.
  const pattern = filter?.filterPattern ?? ''
  const terms = /^\s*[[{]/.test(pattern)
    ? []
    : (pattern.match(/"[^"]*"|\S+/g) ?? [])
        .filter((t) => !t.startsWith('-'))
        .map((t) => t.replace(/^\+/, '').replace(/^"|"$/g, ''))
  const exact =
    matched !== undefined &&
    errorLines.length > 0 &&
    matched.length === errorLines.length &&
    matched.every((m) => /\bERROR\b/.test(m) && terms.every((t) => m.includes(t)))
  const firstIngested = events.length ? Math.min(...events.map((e) => e.ingestionTime ?? Infinity)) : undefined
  const filterFirst =
    filter?.creationTime !== undefined && firstIngested !== undefined && filter.creationTime <= firstIngested

  return [
    ...inStep(1, [
      expectEqual(
        'Retention of the log group (days)',
        group.retentionInDays === undefined ? 'never expire' : String(group.retentionInDays),
        '14',
        'Call PutRetentionPolicyCommand with retentionInDays: 14 on the group.',
      ),
    ]),
    ...inStep(2, [
      expectTrue('Log stream instance-1', streamNames.includes('instance-1'), {
        expected: 'instance-1',
        actual: streamNames.length ? streamNames.join(', ') : 'no streams',
        hint: 'CreateLogStreamCommand({ logGroupName, logStreamName: "instance-1" }).',
      }),
    ]),
    ...inStep(3, [
      expectEqual(
        'Metric the filter publishes',
        transformation ? `${transformation.metricNamespace} ${transformation.metricName}` : noFilter,
        'Cloudbook/OrdersApi ErrorCount',
        'PutMetricFilterCommand with filterName "errors" and a metric transformation to Cloudbook/OrdersApi ErrorCount.',
      ),
      expectEqual(
        'Value per match, and when nothing matches',
        transformation
          ? `${transformation.metricValue} per match, ${transformation.defaultValue ?? 'no data'} otherwise`
          : noFilter,
        '1 per match, 0 otherwise',
        'metricValue "1" counts matches; defaultValue 0 reports zero in minutes without errors.',
      ),
      expectTrue('Lines your filter pattern matches', exact, {
        expected: errorLines.length ? `the ${errorLines.length} ERROR lines, nothing else` : 'only the ERROR lines',
        actual: !filter
          ? noFilter
          : !events.length
            ? `pattern "${pattern}", but no events in instance-1 to test it on`
            : matched === undefined
              ? `pattern "${pattern}" was refused`
              : `pattern "${pattern}" matches ${matched.length} of ${events.length} lines${
                  exact || matched.every((m) => terms.every((t) => m.includes(t))) ? '' : ' (terms are case-sensitive)'
                }`,
        hint: 'A pattern of a single term matches the events containing that term; terms are case-sensitive.',
      }),
    ]),
    ...inStep(4, [
      expectEqual(
        'Events in instance-1',
        String(events.length),
        '6',
        'Send the six prepared lines in one PutLogEventsCommand call.',
      ),
      expectTrue('Metric filter created before the events arrived', filterFirst, {
        expected: 'filter first, then events',
        actual: !filter
          ? noFilter
          : firstIngested === undefined
            ? 'no events yet'
            : filterFirst
              ? 'filter first, then events'
              : 'the events arrived before the filter existed',
        hint: 'Metric filters do not go back over older events: create the filter, then write (run again).',
      }),
    ]),
  ]
}

/** Looks at every lab log group in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const groups = await logGroups()
  const found: Expectation = {
    step: 1,
    name: 'Log group from the starter code',
    status: groups.length ? 'pass' : 'fail',
    expected: `a log group named ${PREFIX}…/orders-api`,
    actual: groups.length ? groups.map((g) => g.logGroupName).join(', ') : 'none',
    hint: groups.length ? undefined : 'Run your code first: the starter creates the log group.',
  }
  if (!groups.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const group of groups) {
    const expectations = await inspect(group)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
