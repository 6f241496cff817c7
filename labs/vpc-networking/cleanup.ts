import {
  DeleteInternetGatewayCommand,
  DeleteNatGatewayCommand,
  DeleteRouteTableCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  EC2Client,
  ReleaseAddressCommand,
  waitUntilNatGatewayDeleted,
} from '@aws-sdk/client-ec2'

// Reset: remove every lab VPC (tag Name vpclab-…) with everything in it, in the order AWS requires: NAT gateways and
// their Elastic IPs, route table associations and tables, the internet gateway, subnets, then the VPC itself.
const ec2 = new EC2Client({})
const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['vpclab-*'] }] }))
for (const { VpcId } of Vpcs) {
  if (!VpcId) continue
  const byVpc = [{ Name: 'vpc-id', Values: [VpcId] }]
  const { NatGateways = [] } = await ec2.send(new DescribeNatGatewaysCommand({ Filter: byVpc }))
  const live = NatGateways.filter((n) => n.State !== 'deleted' && n.NatGatewayId)
  for (const { NatGatewayId } of live) await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId }))
  if (live.length) {
    await waitUntilNatGatewayDeleted(
      { client: ec2, maxWaitTime: 8, minDelay: 1, maxDelay: 2 },
      { NatGatewayIds: live.map((n) => n.NatGatewayId ?? '') },
    )
  }
  const { RouteTables = [] } = await ec2.send(new DescribeRouteTablesCommand({ Filters: byVpc }))
  for (const table of RouteTables) {
    if (table.Associations?.some((a) => a.Main)) continue
    for (const a of table.Associations ?? []) {
      if (a.RouteTableAssociationId) {
        await ec2.send(new DisassociateRouteTableCommand({ AssociationId: a.RouteTableAssociationId }))
      }
    }
    await ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.RouteTableId }))
  }
  const { InternetGateways = [] } = await ec2.send(
    new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [VpcId] }] }),
  )
  for (const { InternetGatewayId } of InternetGateways) {
    await ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId, VpcId }))
    await ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId }))
  }
  const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ Filters: byVpc }))
  for (const { SubnetId } of Subnets) await ec2.send(new DeleteSubnetCommand({ SubnetId }))
  await ec2.send(new DeleteVpcCommand({ VpcId }))
  console.log('removed', VpcId)
}
const { Addresses = [] } = await ec2.send(
  new DescribeAddressesCommand({ Filters: [{ Name: 'tag:Name', Values: ['vpclab-*'] }] }),
)
for (const { AllocationId } of Addresses) {
  await ec2.send(new ReleaseAddressCommand({ AllocationId }))
  console.log('released', AllocationId)
}
