import {
  DeleteAliasCommand,
  DescribeKeyCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms'
import { DeleteParametersCommand, DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm'

// Reset: remove every lab parameter (names start with /paramlab- or paramlab-) and alias, and schedule the lab
// keys for deletion (KMS waits at least 7 days before it really deletes a key).
const ssm = new SSMClient({})
const kms = new KMSClient({})
const names: string[] = []
let NextToken: string | undefined
do {
  const page = await ssm.send(new DescribeParametersCommand({ MaxResults: 50, NextToken }))
  names.push(...(page.Parameters ?? []).map((p) => p.Name ?? '').filter((n) => /^\/?paramlab-/.test(n)))
  NextToken = page.NextToken
} while (NextToken)
for (let i = 0; i < names.length; i += 10) {
  await ssm.send(new DeleteParametersCommand({ Names: names.slice(i, i + 10) }))
}
console.log('removed', names.length, 'parameters')

const { Aliases = [] } = await kms.send(new ListAliasesCommand({}))
for (const { AliasName } of Aliases.filter((a) => a.AliasName?.startsWith('alias/paramlab-'))) {
  await kms.send(new DeleteAliasCommand({ AliasName }))
}
const { Keys = [] } = await kms.send(new ListKeysCommand({}))
for (const { KeyId } of Keys) {
  const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId }))
  if (!KeyMetadata?.Description?.startsWith('paramlab-') || KeyMetadata.KeyState === 'PendingDeletion') continue
  await kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }))
  console.log('scheduled key', KeyId, 'for deletion')
}
