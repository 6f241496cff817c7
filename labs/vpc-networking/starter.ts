import {
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeSubnetsCommand,
  EC2Client,
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

// TODO (step 2): the subnets 10.0.0.0/24 (public-a, zoneA), 10.0.1.0/24 (public-b, zoneB),
//                10.0.10.0/24 (private-a, zoneA) and 10.0.11.0/24 (private-b, zoneB), each tagged `${id}-…`.

// TODO (step 3): an internet gateway attached to the VPC, a route table with 0.0.0.0/0 -> the gateway, associated
//                with both public subnets, and MapPublicIpOnLaunch on the public subnets.

// TODO (step 4): an Elastic IP, a NAT gateway in public-a, and a route table with 0.0.0.0/0 -> the NAT gateway,
//                associated with both private subnets.

const { Subnets = [] } = await ec2.send(
  new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [VpcId ?? ''] }] }),
)
console.log(Subnets.map((s) => `${s.CidrBlock} ${s.AvailabilityZone} ${s.Tags?.find((t) => t.Key === 'Name')?.Value}`))
