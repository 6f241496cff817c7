import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb'
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn'

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

// TODO (step 2): create the same workflow as an EXPRESS state machine named `${id}-express`.

// TODO (step 3): start the standard workflow with StartExecutionCommand (input: subtotal and shipping),
//                poll DescribeExecutionCommand until it is no longer RUNNING, and print its output. Amounts are in
//                cents: States.MathAdd adds whole numbers.

// TODO (step 4): start the express workflow with StartExecutionCommand and a name of your choice, then poll the
//                quotes table (GetItemCommand, quoteId = that name) until the quote appears.
