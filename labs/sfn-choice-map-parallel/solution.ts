import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn'
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { setTimeout as sleep } from 'node:timers/promises'

const sfn = new SFNClient({})
const iam = new IAMClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `sfnflow-${Date.now()}`

// Step 1: the role the workflow runs with (Pass, Choice, Map and Parallel states call no other service)
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: id,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)

// The workflow: choose the shipping, run two checks at once, label every line, summarise.
const definition = {
  StartAt: 'ShippingRule',
  States: {
    // Step 2: branch on the order total
    ShippingRule: {
      Type: 'Choice',
      Choices: [{ Variable: '$.total', NumericGreaterThanEquals: 100, Next: 'FreeShipping' }],
      Default: 'StandardShipping',
    },
    FreeShipping: { Type: 'Pass', Result: 'FREE', ResultPath: '$.shipping', Next: 'Checks' },
    StandardShipping: { Type: 'Pass', Result: 'STANDARD', ResultPath: '$.shipping', Next: 'Checks' },
    // Step 3: two independent checks at the same time; the output is an array, one entry per branch
    Checks: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'ReserveStock', States: { ReserveStock: { Type: 'Pass', Result: 'stock-reserved', End: true } } },
        { StartAt: 'ScoreFraud', States: { ScoreFraud: { Type: 'Pass', Result: 'fraud-ok', End: true } } },
      ],
      ResultPath: '$.checks',
      Next: 'Lines',
    },
    // Step 4: the same small workflow for every item
    Lines: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 10,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Label',
        States: {
          Label: {
            Type: 'Pass',
            Parameters: { 'label.$': "States.Format('{} x {}', $.qty, $.sku)" },
            OutputPath: '$.label',
            End: true,
          },
        },
      },
      ResultPath: '$.lines',
      Next: 'Summary',
    },
    Summary: {
      Type: 'Pass',
      Parameters: {
        'orderId.$': '$.orderId',
        'shipping.$': '$.shipping',
        'checks.$': '$.checks',
        'lines.$': '$.lines',
      },
      End: true,
    },
  },
}

const { stateMachineArn } = await sfn.send(
  new CreateStateMachineCommand({ name: id, definition: JSON.stringify(definition), roleArn: Role?.Arn }),
)

// Run a big order and a small one, so that both branches of the Choice run.
const orders = [
  {
    orderId: 'A-1',
    total: 180,
    items: [
      { sku: 'teapot', qty: 1 },
      { sku: 'tea', qty: 3 },
    ],
  },
  { orderId: 'A-2', total: 24, items: [{ sku: 'mug', qty: 2 }] },
]
for (const order of orders) {
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(order) }))
  let run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
  for (let i = 0; i < 25 && run.status === 'RUNNING'; i++) {
    await sleep(200)
    run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
  }
  console.log(order.orderId, run.status, run.output ?? run.cause ?? '')
}
