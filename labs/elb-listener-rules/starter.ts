import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  EC2Client,
  type ResourceType,
} from '@aws-sdk/client-ec2'
import { CreateLoadBalancerCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'

const ec2 = new EC2Client({})
const elb = new ElasticLoadBalancingV2Client({})
// the load balancer, its target groups and the VPC's Name tag all start with this id
const id = `elblab-${Date.now()}`
const tags = (ResourceType: ResourceType, name: string) => [{ ResourceType, Tags: [{ Key: 'Name', Value: name }] }]

// Step 1: a VPC with a subnet in each of two zones, a security group for HTTP, and the load balancer.
const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16', TagSpecifications: tags('vpc', id) }))
const VpcId = Vpc?.VpcId
const { AvailabilityZones = [] } = await ec2.send(new DescribeAvailabilityZonesCommand({}))
const Subnets: string[] = []
for (const [i, zone] of AvailabilityZones.slice(0, 2).entries()) {
  const { Subnet } = await ec2.send(
    new CreateSubnetCommand({
      VpcId,
      CidrBlock: `10.20.${i + 1}.0/24`,
      AvailabilityZone: zone.ZoneName,
      TagSpecifications: tags('subnet', `${id}-${zone.ZoneName}`),
    }),
  )
  Subnets.push(Subnet?.SubnetId ?? '')
}
const { GroupId } = await ec2.send(
  new CreateSecurityGroupCommand({ VpcId, GroupName: `${id}-alb`, Description: 'HTTP from anywhere' }),
)
await ec2.send(
  new AuthorizeSecurityGroupIngressCommand({
    GroupId,
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
  }),
)
const { LoadBalancers = [] } = await elb.send(
  new CreateLoadBalancerCommand({
    Name: id,
    Type: 'application',
    Scheme: 'internet-facing',
    Subnets,
    SecurityGroups: [GroupId ?? ''],
  }),
)
const LoadBalancerArn = LoadBalancers[0]?.LoadBalancerArn
console.log('load balancer', LoadBalancers[0]?.DNSName, LoadBalancerArn)

// TODO (step 2): target groups `${id}-web` (HTTP 80, health check /) and `${id}-api` (HTTP 8080, health check
//                /health), TargetType ip, each with two registered targets.

// TODO (step 3): a listener on HTTP port 80 whose default action forwards to the web target group.

// TODO (step 4): rules: /api/* -> forward to the api target group (priority 10), and /api/v1/* -> fixed response
//                410 (priority 5).
