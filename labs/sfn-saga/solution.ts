import { CreateTableCommand, DynamoDBClient, GetItemCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb'
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn'
import { setTimeout as sleep } from 'node:timers/promises'

const ddb = new DynamoDBClient({})
const iam = new IAMClient({})
const sfn = new SFNClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `sfnsaga-${Date.now()}`
const seats = `${id}-seats`
const payments = `${id}-payments`
const tickets = `${id}-tickets` // the ticketing service is down: this table does not exist

// Step 1: the two services that work (seats and payments), and the role the workflow runs with
for (const [TableName, key] of [
  [seats, 'seat'],
  [payments, 'bookingId'],
]) {
  await ddb.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
    }),
  )
  await waitUntilTableExists({ client: ddb, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName })
}
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: id,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
await iam.send(
  new PutRolePolicyCommand({
    RoleName: id,
    PolicyName: 'booking-tables',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
          Resource: `arn:aws:dynamodb:*:*:table/${id}-*`,
        },
      ],
    }),
  }),
)

// The booking saga: each step that changes something has a compensating step, wired up with Catch.
const definition = {
  StartAt: 'ReserveSeat',
  States: {
    ReserveSeat: {
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:putItem',
      Parameters: {
        TableName: seats,
        Item: { seat: { 'S.$': '$.seat' }, bookingId: { 'S.$': '$.bookingId' }, status: { S: 'RESERVED' } },
      },
      ResultPath: null,
      Next: 'ChargeCard',
    },
    ChargeCard: {
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:putItem',
      Parameters: {
        TableName: payments,
        Item: {
          bookingId: { 'S.$': '$.bookingId' },
          amount: { 'N.$': "States.Format('{}', $.amount)" },
          status: { S: 'CHARGED' },
        },
      },
      ResultPath: null,
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'ReleaseSeat' }],
      Next: 'IssueTicket',
    },
    IssueTicket: {
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:putItem',
      Parameters: { TableName: tickets, Item: { bookingId: { 'S.$': '$.bookingId' }, seat: { 'S.$': '$.seat' } } },
      ResultPath: null,
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RefundCard' }],
      Next: 'Booked',
    },
    // Step 2: the compensations. A refund is a new fact about the payment, not a deletion of it.
    RefundCard: {
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:updateItem',
      Parameters: {
        TableName: payments,
        Key: { bookingId: { 'S.$': '$.bookingId' } },
        UpdateExpression: 'SET #status = :refunded',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':refunded': { S: 'REFUNDED' } },
      },
      ResultPath: null,
      Next: 'ReleaseSeat',
    },
    ReleaseSeat: {
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:deleteItem',
      Parameters: { TableName: seats, Key: { seat: { 'S.$': '$.seat' } } },
      ResultPath: null,
      Next: 'BookingFailed',
    },
    // Step 3: the saga rolled back, and the execution still fails so that monitoring sees it
    BookingFailed: {
      Type: 'Fail',
      Error: 'BookingFailed',
      Cause: 'A step failed; the earlier steps were compensated.',
    },
    Booked: { Type: 'Succeed' },
  },
}

const { stateMachineArn } = await sfn.send(
  new CreateStateMachineCommand({ name: id, definition: JSON.stringify(definition), roleArn: Role?.Arn }),
)

// Step 4: book seat 12A and see what state the system is left in
const booking = { bookingId: 'B-1001', seat: '12A', amount: 4900 }
const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(booking) }))
let run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
for (let i = 0; i < 25 && run.status === 'RUNNING'; i++) {
  await sleep(200)
  run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
}
console.log(run.status, run.error ?? '', run.cause ?? '')
const { events = [] } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }))
console.log('states:', events.flatMap((e) => e.stateEnteredEventDetails?.name ?? []).join(' > '))
const { Item: seat } = await ddb.send(new GetItemCommand({ TableName: seats, Key: { seat: { S: booking.seat } } }))
const { Item: payment } = await ddb.send(
  new GetItemCommand({ TableName: payments, Key: { bookingId: { S: booking.bookingId } } }),
)
console.log('seat 12A:', seat?.status?.S ?? 'free', '| payment B-1001:', payment?.status?.S ?? 'none')
