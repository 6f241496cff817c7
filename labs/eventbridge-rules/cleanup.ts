import {
  DeleteEventBusCommand,
  DeleteRuleCommand,
  EventBridgeClient,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab bus (targets and rules first, a bus with rules cannot be deleted) and every lab queue.
const PREFIX = 'ebrules-'
const eb = new EventBridgeClient({})
const sqs = new SQSClient({})

const { EventBuses = [] } = await eb.send(new ListEventBusesCommand({ NamePrefix: PREFIX }))
for (const { Name: EventBusName = '' } of EventBuses.filter((b) => b.Name?.startsWith(PREFIX))) {
  const { Rules = [] } = await eb.send(new ListRulesCommand({ EventBusName }))
  for (const { Name: Rule = '' } of Rules) {
    const { Targets = [] } = await eb.send(new ListTargetsByRuleCommand({ EventBusName, Rule }))
    if (Targets.length) {
      await eb.send(new RemoveTargetsCommand({ EventBusName, Rule, Ids: Targets.map((t) => t.Id ?? '') }))
    }
    await eb.send(new DeleteRuleCommand({ EventBusName, Name: Rule }))
  }
  await eb.send(new DeleteEventBusCommand({ Name: EventBusName }))
  console.log('removed bus', EventBusName)
}
const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
for (const QueueUrl of QueueUrls) {
  await sqs.send(new DeleteQueueCommand({ QueueUrl }))
  console.log('removed queue', QueueUrl)
}
