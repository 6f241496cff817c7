import {
  CloudWatchClient,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  type Dimension,
} from '@aws-sdk/client-cloudwatch'
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns'
import { GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'alarmlab-'
const cw = new CloudWatchClient({})
const sns = new SNSClient({})
const sqs = new SQSClient({})

const dims = (list: Dimension[] = []) =>
  `{${list
    .map((d) => `${d.Name}=${d.Value}`)
    .sort()
    .join(', ')}}`

async function topicNames(): Promise<string[]> {
  const names: string[] = []
  let NextToken: string | undefined
  do {
    const page = await sns.send(new ListTopicsCommand({ NextToken }))
    for (const t of page.Topics ?? []) names.push(t.TopicArn?.split(':').pop() ?? '')
    NextToken = page.NextToken
  } while (NextToken)
  return names
}

/** The alarm notifications (SNS envelopes) waiting in the pager queue; read without taking them off the queue. */
async function pagerMessages(id: string): Promise<{ AlarmName?: string; NewStateValue?: string }[] | undefined> {
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `${id}-pager` }))
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0, WaitTimeSeconds: 0 }),
    )
    return Messages.map((m) => {
      try {
        const envelope = JSON.parse(m.Body ?? '{}')
        return envelope.Type === 'Notification' ? JSON.parse(envelope.Message ?? '{}') : {}
      } catch {
        return {}
      }
    })
  } catch {
    return undefined
  }
}

async function inspect(id: string): Promise<Expectation[]> {
  const Namespace = `Cloudbook/${id}`
  const Dimensions = [{ Name: 'Api', Value: 'payments' }]
  const wanted = 'Latency {Api=payments}'
  const end = new Date(Date.now() + 60_000)
  const start = new Date(end.getTime() - 3 * 3600_000)

  // Step 2: the metric and its data points
  const { Metrics = [] } = await cw.send(new ListMetricsCommand({ Namespace }))
  const published = Metrics.map((m) => `${m.MetricName} ${dims(m.Dimensions)}`)
  const perMinute = await cw.send(
    new GetMetricStatisticsCommand({
      Namespace,
      MetricName: 'Latency',
      Dimensions,
      StartTime: start,
      EndTime: end,
      Period: 60,
      Statistics: ['Average', 'SampleCount'],
    }),
  )
  const points = perMinute.Datapoints ?? []
  const unit = points.find((p) => p.Unit)?.Unit
  const worstMinute = points.length ? Math.max(...points.map((p) => p.Average ?? 0)) : undefined

  // Step 3: the alarm's definition
  const AlarmName = `${id}-payments-latency`
  const alarm = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [AlarmName] }))).MetricAlarms?.[0]
  const topics = (alarm?.AlarmActions ?? []).map((arn) => arn.split(':').pop() ?? arn)
  const noAlarm = `no alarm named ${AlarmName}`

  // Step 4: how it behaved
  const history = alarm
    ? ((await cw.send(new DescribeAlarmHistoryCommand({ AlarmName, HistoryItemType: 'StateUpdate' })))
        .AlarmHistoryItems ?? [])
    : []
  const toAlarm = history
    .map((h) => {
      try {
        return JSON.parse(h.HistoryData ?? '{}').newState ?? {}
      } catch {
        return {}
      }
    })
    .filter((s: { stateValue?: string }) => s.stateValue === 'ALARM')
    .map((s: { stateReason?: string }) => s.stateReason ?? '')
  const crossed = toAlarm.find((reason) => reason.startsWith('Threshold Crossed'))
  const messages = await pagerMessages(id)
  const notified = (messages ?? []).some((m) => m.AlarmName === AlarmName && m.NewStateValue === 'ALARM')

  return [
    ...inStep(2, [
      expectTrue('Latency metric with its dimension', published.includes(wanted), {
        expected: `${wanted} in ${Namespace}`,
        actual: published.length ? published.join('; ') : `no metrics in ${Namespace}`,
        hint: 'Publish MetricName "Latency" with Dimensions [{ Name: "Api", Value: "payments" }] to the lab namespace.',
      }),
      expectEqual(
        'Unit of the latency data points',
        unit ?? (points.length ? 'none given' : 'no data points for Api=payments'),
        'Milliseconds',
        'Set Unit: "Milliseconds" on the datum, so statistics come back in milliseconds.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Metric the alarm watches',
        alarm ? `${alarm.Namespace} ${alarm.MetricName} ${dims(alarm.Dimensions)}` : noAlarm,
        `${Namespace} ${wanted}`,
        `Create ${AlarmName} with PutMetricAlarmCommand, naming the same namespace, metric and dimension you publish.`,
      ),
      expectEqual(
        'Alarm condition',
        alarm
          ? `${alarm.ExtendedStatistic ?? alarm.Statistic} over ${alarm.Period} s ${alarm.ComparisonOperator} ${alarm.Threshold}`
          : noAlarm,
        'Average over 60 s GreaterThanThreshold 500',
        'Statistic "Average", Period 60, ComparisonOperator "GreaterThanThreshold", Threshold 500.',
      ),
      expectEqual(
        'Breaching periods needed (datapoints to alarm of evaluation periods)',
        alarm ? `${alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods} of ${alarm.EvaluationPeriods}` : noAlarm,
        '1 of 1',
        'EvaluationPeriods: 1, so a single bad minute changes the state in this lab.',
      ),
      expectTrue('Alarm action', topics.includes(`${id}-oncall`), {
        expected: `the topic ${id}-oncall`,
        actual: alarm ? topics.join(', ') || 'no alarm actions' : noAlarm,
        hint: 'Put the TopicArn from the starter into AlarmActions.',
      }),
    ]),
    ...inStep(4, [
      expectTrue('Highest one-minute average of payments latency', (worstMinute ?? 0) > 500, {
        expected: 'above 500 ms',
        actual: worstMinute === undefined ? 'no data points' : `${Math.round(worstMinute * 10) / 10} ms`,
        hint: 'Publish slow latencies (well above 500 ms) to the same metric and dimension.',
      }),
      expectEqual(
        'Alarm state',
        alarm ? (alarm.StateValue ?? 'unknown') : noAlarm,
        'ALARM',
        'After the slow data points arrive, poll DescribeAlarmsCommand until the state is ALARM.',
      ),
      expectTrue('Why the alarm went to ALARM', Boolean(crossed), {
        expected: 'Threshold Crossed: … (the data crossed the threshold)',
        actual: toAlarm.length ? toAlarm.join(' | ') : 'it never changed to ALARM',
        hint: 'Let the metric data move the alarm instead of SetAlarmStateCommand.',
      }),
      expectTrue('Notification in the pager queue', notified, {
        expected: `an ALARM notification for ${AlarmName}`,
        actual: notified
          ? `an ALARM notification for ${AlarmName}`
          : messages === undefined
            ? `no queue ${id}-pager`
            : messages.length
              ? `${messages.length} message(s), none an ALARM notification for ${AlarmName}`
              : 'no messages',
        hint: 'The topic must be in AlarmActions before the alarm changes to ALARM: actions run on state changes only.',
      }),
    ]),
  ]
}

/** Looks at every lab run in the learner's account (one topic each) and reports on the one that is furthest along. */
export default async function check() {
  const ids = (await topicNames())
    .filter((n) => n.startsWith(PREFIX) && n.endsWith('-oncall'))
    .map((n) => n.slice(0, -'-oncall'.length))
  const found: Expectation = {
    step: 1,
    name: 'On-call topic from the starter code',
    status: ids.length ? 'pass' : 'fail',
    expected: `a topic named ${PREFIX}…-oncall`,
    actual: ids.length ? ids.map((id) => `${id}-oncall`).join(', ') : 'none',
    hint: ids.length ? undefined : 'Run your code first: the starter creates the topic and the pager queue.',
  }
  if (!ids.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const id of ids) {
    const expectations = await inspect(id)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
