import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  type MetricAlarm,
} from '@aws-sdk/client-cloudwatch'
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { setTimeout } from 'node:timers/promises'

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

// Step 2: normal traffic. The dimension says which API the numbers belong to.
const Dimensions = [{ Name: 'Api', Value: 'payments' }]
const publish = (latencies: number[]) =>
  cw.send(
    new PutMetricDataCommand({
      Namespace,
      MetricData: [{ MetricName: 'Latency', Dimensions, Unit: 'Milliseconds', Values: latencies }],
    }),
  )
await publish([120, 95, 180])

// Step 3: the alarm watches exactly that metric (same dimensions) and notifies the topic when it changes to ALARM.
const AlarmName = `${id}-payments-latency`
await cw.send(
  new PutMetricAlarmCommand({
    AlarmName,
    AlarmDescription: 'Average payments latency above 500 ms for one minute',
    Namespace,
    MetricName: 'Latency',
    Dimensions,
    Statistic: 'Average',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 500,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
    AlarmActions: [TopicArn ?? ''],
  }),
)

// Step 4: slow requests push the minute's average over 500 ms.
await publish([1200, 1500, 1800])
let alarm: MetricAlarm | undefined
for (let i = 0; i < 10; i++) {
  alarm = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [AlarmName] }))).MetricAlarms?.[0]
  if (alarm?.StateValue === 'ALARM') break
  await setTimeout(400)
}
console.log(AlarmName, alarm?.StateValue, '-', alarm?.StateReason)
