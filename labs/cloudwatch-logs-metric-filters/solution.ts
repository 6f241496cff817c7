import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  PutLogEventsCommand,
  PutMetricFilterCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs'

const logs = new CloudWatchLogsClient({})
// every lab log group starts with /cloudbook/loglab-, which is how the check and the reset find them
const id = `loglab-${Date.now()}`
const logGroupName = `/cloudbook/${id}/orders-api`

// Step 1: the log group. It has no retention yet: its events would be kept forever.
await logs.send(new CreateLogGroupCommand({ logGroupName }))
console.log('log group', logGroupName)

// What the orders service printed: two of these six lines report errors.
const lines = [
  'INFO order 1001 accepted',
  'INFO order 1002 accepted',
  'WARN payment provider slow to answer (2300 ms)',
  'ERROR order 1003 payment declined by provider',
  'INFO order 1004 accepted',
  'ERROR order 1005 could not reserve stock',
]
const now = Date.now()
const logEvents = lines.map((message, i) => ({ timestamp: now + i, message }))

// Step 1: events older than 14 days are deleted for us, in every stream of the group.
await logs.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: 14 }))

// Step 2: one stream per source.
const logStreamName = 'instance-1'
await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }))

// Step 3: the filter exists before the events arrive, so it sees all of them. Each match adds 1; a minute with no
// match reports 0 rather than no data.
const filterPattern = 'ERROR'
await logs.send(
  new PutMetricFilterCommand({
    logGroupName,
    filterName: 'errors',
    filterPattern,
    metricTransformations: [
      { metricNamespace: 'Cloudbook/OrdersApi', metricName: 'ErrorCount', metricValue: '1', defaultValue: 0 },
    ],
  }),
)

// Step 4: ship the lines, then see which of them the pattern counts.
await logs.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }))
const { events = [] } = await logs.send(new FilterLogEventsCommand({ logGroupName, filterPattern }))
console.log(
  `the filter counts ${events.length} of ${logEvents.length} lines:`,
  events.map((e) => e.message),
)

const { logGroups = [] } = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }))
console.log('retention (days):', logGroups[0]?.retentionInDays ?? 'never expire')
