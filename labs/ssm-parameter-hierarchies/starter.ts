import { CreateAliasCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms'
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'

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

// Production was set up in a hurry: flat names, everything a plain String, the password included.
const prod = {
  'db/host': 'db.prod.internal',
  'db/port': '5432',
  'db/password': 'correct-horse-battery-staple',
  features: 'checkout,search',
}
// TODO (step 1): store these under /${app}/prod/ (features as a StringList)
// TODO (step 2): store the password as a SecureString encrypted with the key alias/${app}
for (const [name, value] of Object.entries(prod)) {
  await ssm.send(
    new PutParameterCommand({ Name: `${app}-prod-${name.replace('/', '-')}`, Value: value, Type: 'String' }),
  )
}

// TODO (step 3): load the whole prod environment with one recursive GetParametersByPath, decrypting SecureStrings
const config: Record<string, string> = {}
for (const name of Object.keys(prod)) {
  const { Parameter } = await ssm.send(new GetParameterCommand({ Name: `${app}-prod-${name.replace('/', '-')}` }))
  config[name] = Parameter?.Value ?? ''
}
console.log('prod configuration:', config)
