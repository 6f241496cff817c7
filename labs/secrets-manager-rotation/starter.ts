import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  LambdaClient,
  waitUntilFunctionActiveV2,
} from '@aws-sdk/client-lambda'
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager'
import { crc32 } from 'node:zlib'
// A ZIP archive with one uncompressed file: enough for a one-file handler (a build tool does this in a real project).
function zipOneFile(name: string, source: string): Buffer {
  const data = Buffer.from(source)
  const fileName = Buffer.from(name)
  const crc = crc32(data)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(fileName.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(fileName.length, 28)
  central.writeUInt32LE((0o100644 << 16) >>> 0, 38)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + fileName.length, 12)
  end.writeUInt32LE(local.length + fileName.length + data.length, 16)
  return Buffer.concat([local, fileName, data, central, fileName, end])
}

const sm = new SecretsManagerClient({})
const iam = new IAMClient({})
const lambda = new LambdaClient({})
// every lab resource starts with rotlab-, which is how the check and Reset find them
const id = `rotlab-${Date.now()}`
const newPassword = async () =>
  (await sm.send(new GetRandomPasswordCommand({ PasswordLength: 32, ExcludePunctuation: true }))).RandomPassword ?? ''

// The database credentials, as the application reads them.
const { ARN: SecretId } = await sm.send(
  new CreateSecretCommand({
    Name: `${id}/db`,
    Description: 'Credentials of the orders database',
    SecretString: JSON.stringify({ username: 'orders_app', password: await newPassword() }),
  }),
)
console.log('secret', SecretId)

// The rotation function Secrets Manager calls four times per rotation. setSecret and testSecret would talk to the
// database; everything else is the standard flow of labels between versions.
const rotator = `import {
  DescribeSecretCommand, GetRandomPasswordCommand, GetSecretValueCommand, PutSecretValueCommand,
  SecretsManagerClient, UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager'
const sm = new SecretsManagerClient({})
export const handler = async ({ SecretId, ClientRequestToken: token, Step }) => {
  const { VersionIdsToStages = {} } = await sm.send(new DescribeSecretCommand({ SecretId }))
  const current = Object.keys(VersionIdsToStages).find((v) => VersionIdsToStages[v].includes('AWSCURRENT'))
  if (Step === 'createSecret' && !VersionIdsToStages[token]) {
    const value = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId, VersionId: current }))).SecretString)
    const { RandomPassword } = await sm.send(new GetRandomPasswordCommand({ PasswordLength: 32, ExcludePunctuation: true }))
    await sm.send(new PutSecretValueCommand({ SecretId, ClientRequestToken: token,
      SecretString: JSON.stringify({ ...value, password: RandomPassword }), VersionStages: ['AWSPENDING'] }))
  } else if (Step === 'setSecret') {
    // ALTER USER ... PASSWORD <the AWSPENDING password> on the database
  } else if (Step === 'testSecret') {
    // log in to the database with the AWSPENDING password
  } else if (Step === 'finishSecret' && current !== token) {
    await sm.send(new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT',
      MoveToVersionId: token, RemoveFromVersionId: current }))
  }
}`
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: `${id}-rotator`,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
const { FunctionArn } = await lambda.send(
  new CreateFunctionCommand({
    FunctionName: `${id}-rotator`,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: Role?.Arn,
    Timeout: 30,
    Code: { ZipFile: zipOneFile('index.mjs', rotator) },
  }),
)
await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: `${id}-rotator` })
// Secrets Manager may invoke the function (a resource-based policy on the function)
await lambda.send(
  new AddPermissionCommand({
    FunctionName: `${id}-rotator`,
    StatementId: 'secrets-manager-rotation',
    Action: 'lambda:InvokeFunction',
    Principal: 'secretsmanager.amazonaws.com',
    SourceArn: SecretId,
  }),
)
console.log('rotation function', FunctionArn)

const stages = async () => (await sm.send(new DescribeSecretCommand({ SecretId }))).VersionIdsToStages
console.log('versions → labels', await stages())

// TODO (step 1): turn on automatic rotation every 30 days with the rotation function, without rotating now
// TODO (step 2): store a new password as a new version (PutSecretValue) and look at the labels again
// TODO (step 3): rotate by hand like the function does: a version staged AWSPENDING, read it back to test it,
//                then move AWSCURRENT to it with UpdateSecretVersionStage
