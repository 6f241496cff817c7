import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs'

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

// TODO (step 1): keep the group's events for 14 days (PutRetentionPolicyCommand).

// TODO (step 2): create the log stream 'instance-1' (CreateLogStreamCommand).

// TODO (step 3): add the metric filter 'errors' (PutMetricFilterCommand): count the ERROR lines as ErrorCount in
//                Cloudbook/OrdersApi, value 1, default 0.

// TODO (step 4): write logEvents to the stream (PutLogEventsCommand), then print what FilterLogEventsCommand finds
//                with your pattern.
console.log(`${logEvents.length} events ready to send`)

const { logGroups = [] } = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }))
console.log('retention (days):', logGroups[0]?.retentionInDays ?? 'never expire')
