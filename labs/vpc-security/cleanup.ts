import {
  DeleteNetworkAclCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DeleteVpcEndpointsCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  DisassociateRouteTableCommand,
  EC2Client,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2'

// Reset: remove every lab VPC (tag Name sglab-…) with everything in it. Security group rules that reference another
// group are revoked first, because a group cannot be deleted while another group's rule points at it.
const ec2 = new EC2Client({})
const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['sglab-*'] }] }))
for (const { VpcId } of Vpcs) {
  if (!VpcId) continue
  const byVpc = [{ Name: 'vpc-id', Values: [VpcId] }]
  const { VpcEndpoints = [] } = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: byVpc }))
  const endpointIds = VpcEndpoints.map((e) => e.VpcEndpointId ?? '').filter(Boolean)
  if (endpointIds.length) await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: endpointIds }))

  const { SecurityGroups = [] } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: byVpc }))
  const own = SecurityGroups.filter((g) => g.GroupName !== 'default')
  for (const g of own) {
    const referencing = (g.IpPermissions ?? []).filter((p) => p.UserIdGroupPairs?.length)
    if (referencing.length) {
      await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: g.GroupId, IpPermissions: referencing }))
    }
  }
  for (const g of own) await ec2.send(new DeleteSecurityGroupCommand({ GroupId: g.GroupId }))

  const { NetworkAcls = [] } = await ec2.send(new DescribeNetworkAclsCommand({ Filters: byVpc }))
  for (const acl of NetworkAcls.filter((a) => !a.IsDefault)) {
    await ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: acl.NetworkAclId }))
  }
  const { RouteTables = [] } = await ec2.send(new DescribeRouteTablesCommand({ Filters: byVpc }))
  for (const table of RouteTables.filter((t) => !t.Associations?.some((a) => a.Main))) {
    for (const a of table.Associations ?? []) {
      if (a.RouteTableAssociationId) {
        await ec2.send(new DisassociateRouteTableCommand({ AssociationId: a.RouteTableAssociationId }))
      }
    }
    await ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.RouteTableId }))
  }
  const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ Filters: byVpc }))
  for (const { SubnetId } of Subnets) await ec2.send(new DeleteSubnetCommand({ SubnetId }))
  await ec2.send(new DeleteVpcCommand({ VpcId }))
  console.log('removed', VpcId)
}
