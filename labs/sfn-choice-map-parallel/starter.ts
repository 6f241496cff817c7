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

// The workflow: so far it only passes the order through.
const definition = {
  StartAt: 'Summary',
  States: {
    // TODO (step 2): a Choice state on $.total that sets $.shipping to 'FREE' (100 or more) or 'STANDARD'.
    // TODO (step 3): a Parallel state with two branches whose results ('stock-reserved', 'fraud-ok') land in $.checks.
    // TODO (step 4): a Map state over $.items that turns each item into a label such as '3 x tea', into $.lines.
    Summary: {
      Type: 'Pass',
      Parameters: {
        'orderId.$': '$.orderId',
        // TODO: also pass on shipping, checks and lines
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
