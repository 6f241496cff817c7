import {
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2'
import {
  DeleteListenerCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
  waitUntilLoadBalancersDeleted,
} from '@aws-sdk/client-elastic-load-balancing-v2'

// Reset: remove every lab load balancer (listeners first, their rules go with them), every lab target group, and
// the lab VPCs with their security groups and subnets. Everything is named or tagged elblab-…
const PREFIX = 'elblab-'
const elb = new ElasticLoadBalancingV2Client({})
const ec2 = new EC2Client({})

const { LoadBalancers = [] } = await elb.send(new DescribeLoadBalancersCommand({}))
const lbs = LoadBalancers.filter((l) => l.LoadBalancerName?.startsWith(PREFIX))
for (const { LoadBalancerArn, LoadBalancerName } of lbs) {
  const { Listeners = [] } = await elb.send(new DescribeListenersCommand({ LoadBalancerArn }))
  for (const { ListenerArn } of Listeners) await elb.send(new DeleteListenerCommand({ ListenerArn }))
  await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn }))
  console.log('removed load balancer', LoadBalancerName)
}
if (lbs.length) {
  await waitUntilLoadBalancersDeleted(
    { client: elb, maxWaitTime: 6, minDelay: 1, maxDelay: 2 },
    { LoadBalancerArns: lbs.map((l) => l.LoadBalancerArn ?? '') },
  )
}
const { TargetGroups = [] } = await elb.send(new DescribeTargetGroupsCommand({}))
for (const { TargetGroupArn, TargetGroupName } of TargetGroups.filter((g) => g.TargetGroupName?.startsWith(PREFIX))) {
  await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn }))
  console.log('removed target group', TargetGroupName)
}

const { Vpcs = [] } = await ec2.send(
  new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: [`${PREFIX}*`] }] }),
)
for (const { VpcId } of Vpcs) {
  const byVpc = [{ Name: 'vpc-id', Values: [VpcId ?? ''] }]
  const { SecurityGroups = [] } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: byVpc }))
  for (const g of SecurityGroups.filter((g) => g.GroupName !== 'default')) {
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId: g.GroupId }))
  }
  const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ Filters: byVpc }))
  for (const { SubnetId } of Subnets) await ec2.send(new DeleteSubnetCommand({ SubnetId }))
  await ec2.send(new DeleteVpcCommand({ VpcId }))
  console.log('removed VPC', VpcId)
}
