import { CloudWatchLogsClient, DeleteLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs'

// Reset: remove every lab log group (names start with /cloudbook/emflab-); its stream and events go with it.
const logs = new CloudWatchLogsClient({})
const names: string[] = []
let nextToken: string | undefined
do {
  const page = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/cloudbook/emflab-', nextToken }))
  for (const g of page.logGroups ?? []) if (g.logGroupName) names.push(g.logGroupName)
  nextToken = page.nextToken
} while (nextToken)
for (const logGroupName of names) {
  await logs.send(new DeleteLogGroupCommand({ logGroupName }))
  console.log('removed', logGroupName)
}
