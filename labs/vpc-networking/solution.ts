import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeSubnetsCommand,
  EC2Client,
  ModifySubnetAttributeCommand,
  type ResourceType,
} from '@aws-sdk/client-ec2'

const ec2 = new EC2Client({})
// every lab resource carries a Name tag starting with this id, which is how the check and the reset find them
const id = `vpclab-${Date.now()}`
const tags = (ResourceType: ResourceType, name: string) => [{ ResourceType, Tags: [{ Key: 'Name', Value: name }] }]

// Step 1: the VPC, and the first two Availability Zones of the Region.
const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: tags('vpc', id) }))
const VpcId = Vpc?.VpcId
const { AvailabilityZones = [] } = await ec2.send(new DescribeAvailabilityZonesCommand({}))
const [zoneA, zoneB] = AvailabilityZones.map((z) => z.ZoneName)
console.log('VPC', VpcId, 'zones', zoneA, zoneB)

// Step 2: one public and one private subnet in each of two zones.
async function subnet(name: string, CidrBlock: string, AvailabilityZone: string | undefined) {
  const { Subnet } = await ec2.send(
    new CreateSubnetCommand({ VpcId, CidrBlock, AvailabilityZone, TagSpecifications: tags('subnet', `${id}-${name}`) }),
  )
  return Subnet?.SubnetId
}
const publicA = await subnet('public-a', '10.0.0.0/24', zoneA)
const publicB = await subnet('public-b', '10.0.1.0/24', zoneB)
const privateA = await subnet('private-a', '10.0.10.0/24', zoneA)
const privateB = await subnet('private-b', '10.0.11.0/24', zoneB)

// Step 3: the internet gateway, and a route table that makes the public subnets public.
const { InternetGateway } = await ec2.send(
  new CreateInternetGatewayCommand({ TagSpecifications: tags('internet-gateway', id) }),
)
const InternetGatewayId = InternetGateway?.InternetGatewayId
await ec2.send(new AttachInternetGatewayCommand({ VpcId, InternetGatewayId }))
const publicTable = (
  await ec2.send(new CreateRouteTableCommand({ VpcId, TagSpecifications: tags('route-table', `${id}-public`) }))
).RouteTable?.RouteTableId
await ec2.send(
  new CreateRouteCommand({
    RouteTableId: publicTable,
    DestinationCidrBlock: '0.0.0.0/0',
    GatewayId: InternetGatewayId,
  }),
)
for (const SubnetId of [publicA, publicB]) {
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicTable, SubnetId }))
  await ec2.send(new ModifySubnetAttributeCommand({ SubnetId, MapPublicIpOnLaunch: { Value: true } }))
}

// Step 4: a NAT gateway (in a public subnet, with an Elastic IP) for outbound-only access from the private subnets.
const { AllocationId, PublicIp } = await ec2.send(
  new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: tags('elastic-ip', id) }),
)
const { NatGateway } = await ec2.send(
  new CreateNatGatewayCommand({ SubnetId: publicA, AllocationId, TagSpecifications: tags('natgateway', id) }),
)
const privateTable = (
  await ec2.send(new CreateRouteTableCommand({ VpcId, TagSpecifications: tags('route-table', `${id}-private`) }))
).RouteTable?.RouteTableId
await ec2.send(
  new CreateRouteCommand({
    RouteTableId: privateTable,
    DestinationCidrBlock: '0.0.0.0/0',
    NatGatewayId: NatGateway?.NatGatewayId,
  }),
)
for (const SubnetId of [privateA, privateB]) {
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: privateTable, SubnetId }))
}
console.log('NAT gateway', NatGateway?.NatGatewayId, 'goes out as', PublicIp)

const { Subnets = [] } = await ec2.send(
  new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [VpcId ?? ''] }] }),
)
console.log(Subnets.map((s) => `${s.CidrBlock} ${s.AvailabilityZone} ${s.Tags?.find((t) => t.Key === 'Name')?.Value}`))
