import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import {
  CreateFunctionCommand,
  GetFunctionConcurrencyCommand,
  InvokeCommand,
  LambdaClient,
  PutFunctionConcurrencyCommand,
  waitUntilFunctionActiveV2,
} from '@aws-sdk/client-lambda'
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
const id = `conclab-${Date.now()}`
const reports = `${id}-reports` // builds reports from a database that accepts only 5 connections
const exporter = `${id}-export` // a legacy export job that misbehaves and has to be stopped

// The execution role Lambda assumes when it runs the two functions.
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: id,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
for (const FunctionName of [reports, exporter]) {
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: Role?.Arn,
      Code: { ZipFile: zipOneFile('index.mjs', `export const handler = async () => ({ ran: '${FunctionName}' })`) },
    }),
  )
  await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName })
  const call = await lambda.send(new InvokeCommand({ FunctionName, Payload: '{}' }))
  // Step 1: without a reservation a function draws on the account's shared, unreserved pool.
  const { ReservedConcurrentExecutions } = await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName }))
  console.log(
    FunctionName,
    'answered',
    call.StatusCode,
    '- reserved concurrency:',
    ReservedConcurrentExecutions ?? 'none',
  )
}

// Step 2: reserved concurrency is a guarantee and a cap at once. The reports function can always run 5 copies,
// however busy the account is, and never more than 5, so it cannot open more connections than the database allows.
await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: reports, ReservedConcurrentExecutions: 5 }))
const reserved = await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: reports }))
console.log(reports, 'reserved concurrency:', reserved.ReservedConcurrentExecutions)

// Step 3: a reservation of 0 is the emergency off switch: every call is throttled, and the code stays deployed.
await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: exporter, ReservedConcurrentExecutions: 0 }))
// The SDK retries throttled calls a few times before it gives up; this client tries once, to show the answer at once.
const once = new LambdaClient({ maxAttempts: 1 })
try {
  await once.send(new InvokeCommand({ FunctionName: exporter, Payload: '{}' }))
  console.log(exporter, 'still ran')
} catch (error) {
  if (!(error instanceof Error)) throw error
  console.log(exporter, 'is switched off:', error.name, '-', error.message)
}
