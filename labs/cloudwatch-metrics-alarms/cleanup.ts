import { CloudWatchClient, DeleteAlarmsCommand, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { DeleteTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab alarm, topic and queue (names start with alarmlab-). Metrics cannot be deleted: CloudWatch
// lets them expire when no new data arrives.
const PREFIX = 'alarmlab-'
const cw = new CloudWatchClient({})
const sns = new SNSClient({})
const sqs = new SQSClient({})

const { MetricAlarms = [] } = await cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: PREFIX }))
const AlarmNames = MetricAlarms.map((a) => a.AlarmName ?? '').filter(Boolean)
if (AlarmNames.length) {
  await cw.send(new DeleteAlarmsCommand({ AlarmNames }))
  console.log('removed alarms', AlarmNames)
}

const topics: string[] = []
let NextToken: string | undefined
do {
  const page = await sns.send(new ListTopicsCommand({ NextToken }))
  for (const t of page.Topics ?? []) if (t.TopicArn?.split(':').pop()?.startsWith(PREFIX)) topics.push(t.TopicArn)
  NextToken = page.NextToken
} while (NextToken)
for (const TopicArn of topics) {
  await sns.send(new DeleteTopicCommand({ TopicArn }))
  console.log('removed topic', TopicArn)
}

const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
for (const QueueUrl of QueueUrls) {
  await sqs.send(new DeleteQueueCommand({ QueueUrl }))
  console.log('removed queue', QueueUrl)
}
