import { SESClient } from '@aws-sdk/client-ses'
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'

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

// TODO (step 2): verify the sender address (VerifyEmailIdentityCommand) and print its status
//                (GetIdentityVerificationAttributesCommand).

// TODO (step 3): create the template `templateName` (CreateTemplateCommand) with {{name}} and {{orderId}}.

// TODO (step 4): send delivery notifications of the sender to the topic (SetIdentityNotificationTopicCommand), send
//                the template to success@simulator.amazonses.com (SendTemplatedEmailCommand), then poll the queue
//                for the notification.
console.log('sender', sender, 'template', templateName, 'region', await ses.config.region())
