import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { CreateFunctionCommand, InvokeCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda'
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
const iam = new IAMClient({})
const lambda = new LambdaClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `verlab-${Date.now()}`
const FunctionName = id

// Two releases of the same price-quote function: release 2 adds a discount.
const release = (n: number) =>
  zipOneFile('index.mjs', `export const handler = async () => ({ release: ${n}, price: ${n === 1 ? 100 : 90} })`)

// The execution role Lambda assumes when it runs the function.
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: id,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
await lambda.send(
  new CreateFunctionCommand({
    FunctionName,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: Role?.Arn,
    Code: { ZipFile: release(1) },
  }),
)
await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName })
const latest = await lambda.send(new InvokeCommand({ FunctionName, Payload: '{}' }))
console.log('$LATEST answers', Buffer.from(latest.Payload ?? []).toString(), 'from version', latest.ExecutedVersion)

// TODO (step 1): publish what $LATEST holds now (release 1) as a version with PublishVersionCommand.

// TODO (step 2): upload release 2 with UpdateFunctionCodeCommand (ZipFile: release(2)), wait until the update is
//                done (waitUntilFunctionUpdatedV2), then publish it as the next version.

// TODO (step 3): create the alias `live` with CreateAliasCommand: FunctionVersion is release 1's version, and
//                RoutingConfig.AdditionalVersionWeights sends 10 % of the calls to release 2's version.
