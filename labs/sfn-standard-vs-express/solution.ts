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
const id = `sfntypes-${Date.now()}`
const TableName = `${id}-quotes`

// Step 1: the table where every quote is recorded, and the role both state machines run with
await ddb.send(
  new CreateTableCommand({
    TableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'quoteId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'quoteId', KeyType: 'HASH' }],
  }),
)
await waitUntilTableExists({ client: ddb, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName })
const RoleName = `${id}-sfn`
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
await iam.send(
  new PutRolePolicyCommand({
    RoleName,
    PolicyName: 'record-quotes',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: `arn:aws:dynamodb:*:*:table/${TableName}` }],
    }),
  }),
)
const roleArn = Role?.Arn ?? ''

// One workflow, two types: price a cart, then record the quote under the execution's name.
const definition = JSON.stringify({
  StartAt: 'Price',
  States: {
    Price: {
      Type: 'Pass',
      Parameters: {
        'quoteId.$': '$$.Execution.Name',
        'workflow.$': '$$.StateMachine.Name',
        'subtotal.$': '$.subtotal',
        'shipping.$': '$.shipping',
        'total.$': 'States.MathAdd($.subtotal, $.shipping)',
      },
      Next: 'Record',
    },
    Record: {
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:putItem',
      Parameters: {
        TableName,
        Item: {
          quoteId: { 'S.$': '$.quoteId' },
          workflow: { 'S.$': '$.workflow' },
          subtotal: { 'N.$': "States.Format('{}', $.subtotal)" },
          shipping: { 'N.$': "States.Format('{}', $.shipping)" },
          total: { 'N.$': "States.Format('{}', $.total)" },
        },
      },
      ResultPath: null,
      End: true,
    },
  },
})

const standard = await sfn.send(
  new CreateStateMachineCommand({ name: `${id}-standard`, type: 'STANDARD', definition, roleArn }),
)
console.log('standard', standard.stateMachineArn)

// Step 2: the same definition as an Express workflow (the type is fixed at creation)
const express = await sfn.send(
  new CreateStateMachineCommand({ name: `${id}-express`, type: 'EXPRESS', definition, roleArn }),
)
console.log('express', express.stateMachineArn)

// Step 3: Standard runs asynchronously and keeps a full history you can query afterwards
const { executionArn } = await sfn.send(
  new StartExecutionCommand({
    stateMachineArn: standard.stateMachineArn,
    name: 'quote-standard-1',
    input: JSON.stringify({ subtotal: 9500, shipping: 1000 }),
  }),
)
let run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
for (let i = 0; i < 25 && run.status === 'RUNNING'; i++) {
  await sleep(200)
  run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
}
console.log('standard', run.status, run.output)
const { events = [] } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }))
console.log('history:', events.map((e) => e.type).join(' > '))

// Step 4: Express has no history to describe: the workflow's own record is how you learn the result
await sfn.send(
  new StartExecutionCommand({
    stateMachineArn: express.stateMachineArn,
    name: 'quote-express-1',
    input: JSON.stringify({ subtotal: 4200, shipping: 450 }),
  }),
)
let quote
for (let i = 0; i < 25 && !quote; i++) {
  ;({ Item: quote } = await ddb.send(new GetItemCommand({ TableName, Key: { quoteId: { S: 'quote-express-1' } } })))
  if (!quote) await sleep(200)
}
console.log('express quote', quote?.workflow?.S, 'total', quote?.total?.N)
