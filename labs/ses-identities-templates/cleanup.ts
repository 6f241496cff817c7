import {
  DeleteIdentityCommand,
  DeleteTemplateCommand,
  ListIdentitiesCommand,
  ListTemplatesCommand,
  SESClient,
} from '@aws-sdk/client-ses'
import { DeleteTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab sender identity, template, topic and queue (names contain seslab-).
const PREFIX = 'seslab-'
const ses = new SESClient({})
const sns = new SNSClient({})
const sqs = new SQSClient({})

const { Identities = [] } = await ses.send(new ListIdentitiesCommand({}))
for (const Identity of Identities.filter((i) => i.startsWith(`orders@${PREFIX}`))) {
  await ses.send(new DeleteIdentityCommand({ Identity }))
  console.log('removed identity', Identity)
}
const { TemplatesMetadata = [] } = await ses.send(new ListTemplatesCommand({}))
for (const { Name } of TemplatesMetadata.filter((t) => t.Name?.startsWith(PREFIX))) {
  await ses.send(new DeleteTemplateCommand({ TemplateName: Name }))
  console.log('removed template', Name)
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
