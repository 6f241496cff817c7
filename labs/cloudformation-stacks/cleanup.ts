import {
  CloudFormationClient,
  DeleteStackCommand,
  ListStacksCommand,
  waitUntilStackDeleteComplete,
} from '@aws-sdk/client-cloudformation'

// Reset: delete every lab stack (names start with cfnlab-); CloudFormation deletes the resources each one created.
const cfn = new CloudFormationClient({})
const names = new Set<string>()
let NextToken: string | undefined
do {
  const page = await cfn.send(new ListStacksCommand({ NextToken }))
  for (const s of page.StackSummaries ?? []) {
    if (s.StackName?.startsWith('cfnlab-') && s.StackStatus !== 'DELETE_COMPLETE') names.add(s.StackName)
  }
  NextToken = page.NextToken
} while (NextToken)
for (const StackName of names) {
  await cfn.send(new DeleteStackCommand({ StackName }))
  await waitUntilStackDeleteComplete({ client: cfn, maxWaitTime: 8, minDelay: 1, maxDelay: 2 }, { StackName })
  console.log('deleted', StackName)
}
