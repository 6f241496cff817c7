import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'

const eb = new EventBridgeClient({})
const sqs = new SQSClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `ebdlq-${Date.now()}`
const EventBusName = id
const Rule = `${id}-invoices`

// Step 1: the billing bus, the invoices queue and the rule that feeds it
await eb.send(new CreateEventBusCommand({ Name: EventBusName }))
const { RuleArn = '' } = await eb.send(
  new PutRuleCommand({ Name: Rule, EventBusName, EventPattern: JSON.stringify({ 'detail-type': ['InvoiceCreated'] }) }),
)

async function queueArn(QueueUrl: string) {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
  return Attributes.QueueArn ?? ''
}
const { QueueUrl: invoicesUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-invoices` }))
const invoicesArn = await queueArn(invoicesUrl)
const invoicesPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: invoicesArn,
      Condition: { ArnEquals: { 'aws:SourceArn': RuleArn } },
    },
  ],
}
await sqs.send(
  new SetQueueAttributesCommand({ QueueUrl: invoicesUrl, Attributes: { Policy: JSON.stringify(invoicesPolicy) } }),
)

// The target as most tutorials leave it: default retries (24 hours, 185 attempts), then the event is dropped.
await eb.send(new PutTargetsCommand({ Rule, EventBusName, Targets: [{ Id: 'invoices', Arn: invoicesArn }] }))
console.log('rule', RuleArn, '\ntarget', invoicesArn)

// TODO (step 2): create the queue `${id}-dlq` with a MessageRetentionPeriod of at least 7 days and a policy that lets
//                events.amazonaws.com send messages, only when aws:SourceArn is this rule's ARN (RuleArn).

// TODO (step 3): call PutTargetsCommand again for the target with Id 'invoices', adding a DeadLetterConfig that points
//                at the DLQ and a RetryPolicy (at most 10 retries, at most 3600 seconds).
