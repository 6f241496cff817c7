import {
  CreateTemplateCommand,
  GetIdentityVerificationAttributesCommand,
  SendTemplatedEmailCommand,
  SESClient,
  SetIdentityNotificationTopicCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses'
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { setTimeout } from 'node:timers/promises'

const ses = new SESClient({})
const sns = new SNSClient({})
const sqs = new SQSClient({})
// every lab resource starts with this id, which is how the check and the reset find them
const id = `seslab-${Date.now()}`
const sender = `orders@${id}.example.com`
const templateName = `${id}-order-shipped`

// Step 1: where SES will report what happened to our email: a topic, and a queue subscribed to it.
const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${id}-ses-events` }))
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-ses-events` }))
const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
const QueueArn = Attributes?.QueueArn
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
console.log('events go to', TopicArn, 'and on to', QueueUrl)

// Step 2: prove we own the sender address (on AWS: a confirmation link in that mailbox).
await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: sender }))
const { VerificationAttributes = {} } = await ses.send(
  new GetIdentityVerificationAttributesCommand({ Identities: [sender] }),
)
console.log(sender, VerificationAttributes[sender]?.VerificationStatus)

// Step 3: the message, written once; SES fills in the placeholders for each customer.
await ses.send(
  new CreateTemplateCommand({
    Template: {
      TemplateName: templateName,
      SubjectPart: 'Your order {{orderId}} has shipped',
      TextPart: 'Hi {{name}},\n\nyour order {{orderId}} is on its way.',
      HtmlPart: '<p>Hi {{name}},</p><p>your order <b>{{orderId}}</b> is on its way.</p>',
    },
  }),
)

// Step 4: deliveries are reported for mail sent from now on, so set the topic before sending.
await ses.send(
  new SetIdentityNotificationTopicCommand({ Identity: sender, NotificationType: 'Delivery', SnsTopic: TopicArn }),
)
const { MessageId } = await ses.send(
  new SendTemplatedEmailCommand({
    Source: sender,
    Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
    Template: templateName,
    TemplateData: JSON.stringify({ name: 'Ada', orderId: 'o-1001' }),
  }),
)
console.log('sent', MessageId)

for (let i = 0; i < 5; i++) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0, WaitTimeSeconds: 1 }),
  )
  const events = Messages.map((m) => JSON.parse(JSON.parse(m.Body ?? '{}').Message ?? '{}'))
  if (events.length) {
    console.log(events.map((e) => `${e.notificationType} of ${e.mail?.messageId} to ${e.mail?.destination}`))
    break
  }
  await setTimeout(200)
}
