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
  GetSecretValueCommand,
  PutSecretValueCommand,
  RotateSecretCommand,
  UpdateSecretVersionStageCommand,
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

// Step 1: a schedule for the rotation function. RotateImmediately: false only records it; the first rotation
// happens at the next scheduled time. (The emulator does not run the function: it records the schedule and adds
// a copy of the current value as a new version.)
await sm.send(
  new RotateSecretCommand({
    SecretId,
    RotationLambdaARN: FunctionArn,
    RotationRules: { ScheduleExpression: 'rate(30 days)' },
    RotateImmediately: false,
  }),
)
const { RotationEnabled, RotationRules } = await sm.send(new DescribeSecretCommand({ SecretId }))
console.log('rotation enabled:', RotationEnabled, RotationRules)

// Step 2: every new value is a new version; AWSCURRENT moves to it and the old one keeps AWSPREVIOUS.
await sm.send(
  new PutSecretValueCommand({
    SecretId,
    SecretString: JSON.stringify({ username: 'orders_app', password: await newPassword() }),
  }),
)
console.log('after PutSecretValue', await stages())

// Step 3: one rotation by hand. createSecret: stage the new value as AWSPENDING (applications still get AWSCURRENT).
const { VersionId: pending } = await sm.send(
  new PutSecretValueCommand({
    SecretId,
    SecretString: JSON.stringify({ username: 'orders_app', password: await newPassword() }),
    VersionStages: ['AWSPENDING'],
  }),
)
// testSecret: read the pending value the way the function would before logging in with it
const staged = await sm.send(new GetSecretValueCommand({ SecretId, VersionStage: 'AWSPENDING' }))
console.log('pending version', staged.VersionId === pending ? 'readable' : 'missing')
// finishSecret: move AWSCURRENT to the pending version; the old current version becomes AWSPREVIOUS by itself
const before = Object.entries((await stages()) ?? {}).find(([, labels]) => labels.includes('AWSCURRENT'))?.[0]
await sm.send(
  new UpdateSecretVersionStageCommand({
    SecretId,
    VersionStage: 'AWSCURRENT',
    MoveToVersionId: pending,
    RemoveFromVersionId: before,
  }),
)
console.log('after the rotation', await stages())
const current = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId }))).SecretString ?? '{}')
const previous = JSON.parse(
  (await sm.send(new GetSecretValueCommand({ SecretId, VersionStage: 'AWSPREVIOUS' }))).SecretString ?? '{}',
)
console.log('current password differs from previous:', current.password !== previous.password)
