import { CreateAliasCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms'
import { GetParametersByPathCommand, PutParameterCommand, SSMClient, type ParameterType } from '@aws-sdk/client-ssm'

const ssm = new SSMClient({})
const kms = new KMSClient({})
// every lab parameter and key starts with paramlab-, which is how the check and Reset find them
const app = `paramlab-${Date.now()}`

// A customer managed KMS key for the application's secrets, reachable through its alias.
const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: app }))
await kms.send(new CreateAliasCommand({ AliasName: `alias/${app}`, TargetKeyId: KeyMetadata?.KeyId }))

// The dev environment is already stored the way it should be: /<app>/<environment>/<name>.
await ssm.send(new PutParameterCommand({ Name: `/${app}/dev/db/host`, Value: 'localhost', Type: 'String' }))
await ssm.send(new PutParameterCommand({ Name: `/${app}/dev/db/port`, Value: '5432', Type: 'String' }))
await ssm.send(new PutParameterCommand({ Name: `/${app}/dev/db/password`, Value: 'dev-only', Type: 'SecureString' }))
await ssm.send(new PutParameterCommand({ Name: `/${app}/dev/features`, Value: 'checkout', Type: 'StringList' }))

// Steps 1 and 2: one path per value, a type per value, and the password encrypted with the application's key.
const prod: [string, string, ParameterType][] = [
  ['db/host', 'db.prod.internal', 'String'],
  ['db/port', '5432', 'String'],
  ['db/password', 'correct-horse-battery-staple', 'SecureString'],
  ['features', 'checkout,search', 'StringList'],
]
for (const [name, value, Type] of prod) {
  await ssm.send(
    new PutParameterCommand({
      Name: `/${app}/prod/${name}`,
      Value: value,
      Type,
      ...(Type === 'SecureString' ? { KeyId: `alias/${app}` } : {}),
    }),
  )
}

// Step 3: one call loads the environment: every parameter below the path, at any depth, SecureStrings decrypted.
// (A page holds at most 10 parameters; NextToken fetches the rest.)
const config: Record<string, string> = {}
let NextToken: string | undefined
do {
  const page = await ssm.send(
    new GetParametersByPathCommand({ Path: `/${app}/prod`, Recursive: true, WithDecryption: true, NextToken }),
  )
  for (const p of page.Parameters ?? []) config[(p.Name ?? '').replace(`/${app}/prod/`, '')] = p.Value ?? ''
  NextToken = page.NextToken
} while (NextToken)
console.log('prod configuration:', config)
