import {
  AssociateRouteTableCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  EC2Client,
  type ResourceType,
} from '@aws-sdk/client-ec2'

const ec2 = new EC2Client({})
// every lab resource carries a Name tag starting with this id, which is how the check and the reset find them
const id = `sglab-${Date.now()}`
const tags = (ResourceType: ResourceType, name: string) => [{ ResourceType, Tags: [{ Key: 'Name', Value: name }] }]

// Step 1: the VPC, a web subnet, a database subnet, and the database subnet's own route table.
const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16', TagSpecifications: tags('vpc', id) }))
const VpcId = Vpc?.VpcId
const web = await ec2.send(
  new CreateSubnetCommand({ VpcId, CidrBlock: '10.1.0.0/24', TagSpecifications: tags('subnet', `${id}-web`) }),
)
const db = await ec2.send(
  new CreateSubnetCommand({ VpcId, CidrBlock: '10.1.10.0/24', TagSpecifications: tags('subnet', `${id}-db`) }),
)
const { RouteTable } = await ec2.send(
  new CreateRouteTableCommand({ VpcId, TagSpecifications: tags('route-table', `${id}-private`) }),
)
await ec2.send(
  new AssociateRouteTableCommand({ RouteTableId: RouteTable?.RouteTableId, SubnetId: db.Subnet?.SubnetId }),
)
console.log('VPC', VpcId, 'web subnet', web.Subnet?.SubnetId, 'db subnet', db.Subnet?.SubnetId)

// Step 2: tiers as security groups. The database trusts the web group, not an address range.
const webGroup = await ec2.send(
  new CreateSecurityGroupCommand({
    VpcId,
    GroupName: `${id}-web`,
    Description: 'web tier: HTTPS from anywhere',
    TagSpecifications: tags('security-group', `${id}-web`),
  }),
)
const dbGroup = await ec2.send(
  new CreateSecurityGroupCommand({
    VpcId,
    GroupName: `${id}-db`,
    Description: 'database tier: PostgreSQL from the web tier only',
    TagSpecifications: tags('security-group', `${id}-db`),
  }),
)
await ec2.send(
  new AuthorizeSecurityGroupIngressCommand({
    GroupId: webGroup.GroupId,
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
  }),
)
await ec2.send(
  new AuthorizeSecurityGroupIngressCommand({
    GroupId: dbGroup.GroupId,
    IpPermissions: [
      { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: webGroup.GroupId }] },
    ],
  }),
)

// Step 3: the subnet's stateless guard rail. Lowest number first; replies need their own outbound rule.
const { NetworkAcl } = await ec2.send(
  new CreateNetworkAclCommand({ VpcId, TagSpecifications: tags('network-acl', `${id}-db`) }),
)
const NetworkAclId = NetworkAcl?.NetworkAclId
const entries = [
  { RuleNumber: 90, Egress: false, RuleAction: 'deny', CidrBlock: '10.1.0.66/32', PortRange: { From: 5432, To: 5432 } },
  {
    RuleNumber: 100,
    Egress: false,
    RuleAction: 'allow',
    CidrBlock: '10.1.0.0/24',
    PortRange: { From: 5432, To: 5432 },
  },
  {
    RuleNumber: 100,
    Egress: true,
    RuleAction: 'allow',
    CidrBlock: '10.1.0.0/24',
    PortRange: { From: 1024, To: 65535 },
  },
] as const
for (const entry of entries) {
  await ec2.send(new CreateNetworkAclEntryCommand({ NetworkAclId, Protocol: '6', ...entry }))
}

// Step 4: S3 through a gateway endpoint: a route in the private route table instead of a trip through a NAT gateway.
const region = await ec2.config.region()
const { VpcEndpoint } = await ec2.send(
  new CreateVpcEndpointCommand({
    VpcId,
    VpcEndpointType: 'Gateway',
    ServiceName: `com.amazonaws.${region}.s3`,
    RouteTableIds: [RouteTable?.RouteTableId ?? ''],
    TagSpecifications: tags('vpc-endpoint', `${id}-s3`),
  }),
)
console.log(
  'security groups',
  webGroup.GroupId,
  dbGroup.GroupId,
  'ACL',
  NetworkAclId,
  'endpoint',
  VpcEndpoint?.VpcEndpointId,
)
