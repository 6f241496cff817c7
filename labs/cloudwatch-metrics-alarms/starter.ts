import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch'
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'

const cw = new CloudWatchClient({})
const sns = new SNSClient({})
const sqs = new SQSClient({})
// every lab resource starts with this id, which is how the check and the reset find them
const id = `alarmlab-${Date.now()}`
// a namespace of its own per run, so two runs never mix their data points
const Namespace = `Cloudbook/${id}`

// Step 1: the on-call topic, and a queue subscribed to it that plays the on-call engineer's phone.
const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${id}-oncall` }))
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-pager` }))
const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
const QueueArn = Attributes?.QueueArn
// the queue accepts messages from this topic only
const onlyFromTopic = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: QueueArn,
      Condition: { ArnEquals: { 'aws:SourceArn': TopicArn } },
    },
  ],
}
await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: JSON.stringify(onlyFromTopic) } }))
await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: QueueArn }))
console.log('topic', TopicArn, 'delivers to', QueueUrl)

// TODO (step 2): publish a few normal latencies (Latency, Milliseconds, dimension Api=payments) to Namespace
//                with PutMetricDataCommand.

// TODO (step 3): create the alarm `${id}-payments-latency` with PutMetricAlarmCommand: Average over 60 s,
//                1 evaluation period, GreaterThanThreshold 500, and the topic in AlarmActions.

// TODO (step 4): publish slow latencies to the same metric, then poll DescribeAlarmsCommand (at most a few
//                seconds) until the alarm is in ALARM, and print its StateReason.

// What CloudWatch now holds in the lab's namespace: one line per metric (name + dimensions).
const { Metrics = [] } = await cw.send(new ListMetricsCommand({ Namespace }))
console.log(
  'metrics in',
  Namespace,
  Metrics.map((m) => `${m.MetricName} ${JSON.stringify(m.Dimensions)}`),
)
