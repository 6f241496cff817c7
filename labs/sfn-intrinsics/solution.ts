import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn'
import { setTimeout as sleep } from 'node:timers/promises'

const sfn = new SFNClient({})
const iam = new IAMClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `sfnintr-${Date.now()}`

// Step 1: the role the workflow runs with (it calls no other service: no Lambda function anywhere)
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: id,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)

const definition = {
  StartAt: 'Prepare',
  States: {
    Prepare: {
      Type: 'Pass',
      Parameters: {
        'orderId.$': '$.orderId',
        'customer.$': '$.customer',
        'items.$': '$.items',
        // Step 2: strings and arithmetic
        'message.$': "States.Format('Order {} for {} received', $.orderId, $.customer)",
        'total.$': 'States.MathAdd($.subtotal, $.shipping)',
        // Step 3: arrays and identifiers
        'tags.$': "States.StringSplit($.tags, ',')",
        'recipients.$': "States.Array($.customer, 'warehouse')",
        'itemCount.$': 'States.ArrayLength($.items)',
        'requestId.$': 'States.UUID()',
      },
      Next: 'Summarise',
    },
    // Step 4: the same kind of shaping in JSONata: one Output expression instead of the five JSONPath fields
    Summarise: {
      Type: 'Pass',
      QueryLanguage: 'JSONata',
      Output: `{% $merge([$states.input, {
        "totalText": $formatNumber($states.input.total / 100, '0.00') & ' EUR',
        "skus": $states.input.items.sku[]
      }]) %}`,
      End: true,
    },
  },
}

const { stateMachineArn } = await sfn.send(
  new CreateStateMachineCommand({ name: id, definition: JSON.stringify(definition), roleArn: Role?.Arn }),
)

// Two orders: amounts are in cents, tags arrive as one comma-separated string.
const orders = [
  {
    orderId: 'A-7',
    customer: 'Ada',
    subtotal: 4200,
    shipping: 450,
    tags: 'gift,fragile',
    items: [{ sku: 'tea' }, { sku: 'mug' }],
  },
  { orderId: 'A-8', customer: 'Grace', subtotal: 12900, shipping: 0, tags: 'express', items: [{ sku: 'teapot' }] },
]
for (const order of orders) {
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(order) }))
  let run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
  for (let i = 0; i < 25 && run.status === 'RUNNING'; i++) {
    await sleep(200)
    run = await sfn.send(new DescribeExecutionCommand({ executionArn }))
  }
  console.log(order.orderId, run.status, run.output ?? `${run.error}: ${run.cause}`)
}
