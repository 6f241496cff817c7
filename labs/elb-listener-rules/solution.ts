import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  EC2Client,
  type ResourceType,
} from '@aws-sdk/client-ec2'
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2'

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

// Step 2: one pool per service, each with its own health check and a target in each zone.
async function targetGroup(name: string, Port: number, HealthCheckPath: string, ips: string[]) {
  const { TargetGroups = [] } = await elb.send(
    new CreateTargetGroupCommand({
      Name: `${id}-${name}`,
      Protocol: 'HTTP',
      Port,
      VpcId,
      TargetType: 'ip',
      HealthCheckPath,
    }),
  )
  const TargetGroupArn = TargetGroups[0]?.TargetGroupArn
  await elb.send(new RegisterTargetsCommand({ TargetGroupArn, Targets: ips.map((Id) => ({ Id, Port })) }))
  return TargetGroupArn
}
const web = await targetGroup('web', 80, '/', ['10.20.1.10', '10.20.2.10'])
const api = await targetGroup('api', 8080, '/health', ['10.20.1.15', '10.20.2.15'])

// Step 3: whatever no rule claims goes to the website.
const { Listeners = [] } = await elb.send(
  new CreateListenerCommand({
    LoadBalancerArn,
    Protocol: 'HTTP',
    Port: 80,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: web }],
  }),
)
const ListenerArn = Listeners[0]?.ListenerArn

// Step 4: the most specific path gets the lowest number, because the first matching rule wins.
await elb.send(
  new CreateRuleCommand({
    ListenerArn,
    Priority: 5,
    Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/v1/*'] } }],
    Actions: [
      {
        Type: 'fixed-response',
        FixedResponseConfig: {
          StatusCode: '410',
          ContentType: 'text/plain',
          MessageBody: 'API v1 is retired: use /api/v2',
        },
      },
    ],
  }),
)
await elb.send(
  new CreateRuleCommand({
    ListenerArn,
    Priority: 10,
    Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
    Actions: [{ Type: 'forward', TargetGroupArn: api }],
  }),
)

const { Rules = [] } = await elb.send(new DescribeRulesCommand({ ListenerArn }))
for (const r of Rules) {
  const paths = r.Conditions?.flatMap((c) => c.PathPatternConfig?.Values ?? c.Values ?? []).join(' ') || '(default)'
  console.log(`priority ${r.Priority}: ${paths} -> ${r.Actions?.[0]?.Type}`)
}
