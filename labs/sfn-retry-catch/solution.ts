import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { CreateFunctionCommand, GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda'
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn'
import { setTimeout as sleep } from 'node:timers/promises'
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
const sfn = new SFNClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `sfnretry-${Date.now()}`

// Step 1: a payment function that is having a bad day: every call fails.
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: id,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: ['lambda.amazonaws.com', 'states.amazonaws.com'] },
          Action: 'sts:AssumeRole',
        },
      ],
    }),
  }),
)
const roleArn = Role?.Arn ?? ''
const source = `export const handler = async (event) => {
  const error = new Error('the payment provider did not answer for order ' + event.orderId)
  error.name = 'PaymentProviderUnavailable'
  throw error
}`
const { FunctionArn = '' } = await lambda.send(
  new CreateFunctionCommand({
    FunctionName: `${id}-charge`,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: roleArn,
    Timeout: 5,
    Code: { ZipFile: zipOneFile('index.mjs', source) },
  }),
)

// Steps 2 and 3: the workflow. Charge calls the function; Charged is where a successful payment ends up.
const definition = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: FunctionArn, 'Payload.$': '$' },
      ResultSelector: { 'charge.$': '$.Payload' },
      ResultPath: '$.payment',
      Retry: [
        // transient errors of the Lambda service itself: worth retrying a few times
        {
          ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.TooManyRequestsException'],
          IntervalSeconds: 1,
          MaxAttempts: 3,
          BackoffRate: 2,
        },
        // anything the function itself threw: two more tries, after 1 s and then 1.5 s
        { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 1.5 },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'QueuePaymentForLater' }],
      Next: 'Charged',
    },
    QueuePaymentForLater: {
      Type: 'Pass',
      Parameters: {
        'orderId.$': '$.orderId',
        'amount.$': '$.amount',
        status: 'PAYMENT_PENDING',
        'reason.$': '$.error.Error',
      },
      End: true,
    },
    Charged: { Type: 'Succeed' },
  },
}

const { stateMachineArn } = await sfn.send(
  new CreateStateMachineCommand({ name: id, definition: JSON.stringify(definition), roleArn }),
)

// a new function is Pending for a moment: wait until it is Active before anything calls it
for (let i = 0; i < 25; i++) {
  const { State } = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: `${id}-charge` }))
  if (State === 'Active') break
  await sleep(200)
}

// Step 4: run it once and wait for the outcome
const { executionArn } = await sfn.send(
  new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ orderId: 'A-1001', amount: 4200 }) }),
)
let run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
for (let i = 0; i < 25 && run.status === 'RUNNING'; i++) {
  await sleep(200)
  run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
}
console.log(run.status, run.error ?? '', run.output ?? run.cause ?? '')
const { events = [] } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }))
for (const e of events) console.log(e.timestamp?.toISOString().slice(11, 23), e.type)
