import {
  AssociateRouteTableCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
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

// TODO (step 2): security groups `${id}-web` (tcp 443 from 0.0.0.0/0) and `${id}-db` (tcp 5432 from the web group).

// TODO (step 3): a network ACL tagged `${id}-db`: inbound 100 allow tcp 5432 from 10.1.0.0/24, inbound 90 deny tcp
//                from 10.1.0.66/32, outbound 100 allow tcp 1024-65535 to 10.1.0.0/24.

// TODO (step 4): a gateway VPC endpoint for S3 (com.amazonaws.<region>.s3) on the private route table.
