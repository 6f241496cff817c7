import {
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  type RouteTable,
  type Subnet,
  type Tag,
  type Vpc,
} from '@aws-sdk/client-ec2'
import { expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'vpclab-'
const ec2 = new EC2Client({})
const nameOf = (tags: Tag[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value ?? ''

/** The route table that applies to a subnet: its explicit association, or else the VPC's main route table. */
function tableOf(subnet: Subnet, tables: RouteTable[]): { table?: RouteTable; main: boolean } {
  const explicit = tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnet.SubnetId))
  if (explicit) return { table: explicit, main: false }
  return { table: tables.find((t) => t.Associations?.some((a) => a.Main)), main: true }
}

function defaultRoute(table: RouteTable | undefined): string {
  const route = table?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')
  return route?.NatGatewayId ?? route?.GatewayId ?? 'none'
}

async function inspect(vpc: Vpc): Promise<Expectation[]> {
  const VpcId = vpc.VpcId ?? ''
  const byVpc = [{ Name: 'vpc-id', Values: [VpcId] }]
  const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ Filters: byVpc }))
  const { RouteTables = [] } = await ec2.send(new DescribeRouteTablesCommand({ Filters: byVpc }))
  const { InternetGateways = [] } = await ec2.send(
    new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [VpcId] }] }),
  )
  const { NatGateways = [] } = await ec2.send(new DescribeNatGatewaysCommand({ Filter: byVpc }))
  const igw = InternetGateways[0]?.InternetGatewayId
  const nats = NatGateways.filter((n) => n.State !== 'deleted' && n.State !== 'deleting' && n.State !== 'failed')

  const kind = (k: 'public' | 'private') =>
    Subnets.filter((s) => nameOf(s.Tags).startsWith(`${nameOf(vpc.Tags)}-${k}-`)).sort((a, b) =>
      nameOf(a.Tags).localeCompare(nameOf(b.Tags)),
    )
  const publics = kind('public')
  const privates = kind('private')
  const placement = (list: Subnet[]) => list.map((s) => `${s.CidrBlock} in ${s.AvailabilityZone}`).join(', ') || 'none'
  const twoZones = (list: Subnet[]) => list.length >= 2 && new Set(list.map((s) => s.AvailabilityZone)).size >= 2
  const routes = (list: Subnet[]) =>
    list
      .map((s) => {
        const { table, main } = tableOf(s, RouteTables)
        return `${nameOf(s.Tags).replace(`${nameOf(vpc.Tags)}-`, '')}: ${defaultRoute(table)}${main ? ' (main route table)' : ''}`
      })
      .join(', ') || 'no subnets'
  const allRouteTo = (list: Subnet[], prefix: string) =>
    list.length >= 2 && list.every((s) => defaultRoute(tableOf(s, RouteTables).table).startsWith(prefix))
  const publicIds = new Set(publics.map((s) => s.SubnetId))
  const natInPublic = nats.find((n) => publicIds.has(n.SubnetId))
  const natRoutes =
    allRouteTo(privates, 'nat-') &&
    privates.every((s) => nats.some((n) => n.NatGatewayId === defaultRoute(tableOf(s, RouteTables).table)))

  return [
    ...inStep(2, [
      expectTrue('Public subnets', twoZones(publics), {
        expected: 'two, in different Availability Zones',
        actual: placement(publics),
        hint: `CreateSubnetCommand for 10.0.0.0/24 and 10.0.1.0/24 in two zones, tagged ${nameOf(vpc.Tags)}-public-a and -public-b.`,
      }),
      expectTrue('Private subnets', twoZones(privates), {
        expected: 'two, in different Availability Zones',
        actual: placement(privates),
        hint: `CreateSubnetCommand for 10.0.10.0/24 and 10.0.11.0/24 in two zones, tagged ${nameOf(vpc.Tags)}-private-a and -b.`,
      }),
    ]),
    ...inStep(3, [
      expectEqual(
        'Internet gateway attached to the VPC',
        igw ? 'attached' : 'none',
        'attached',
        'CreateInternetGatewayCommand, then AttachInternetGatewayCommand with the VPC id.',
      ),
      expectTrue('Default route of the public subnets', Boolean(igw) && allRouteTo(publics, 'igw-'), {
        expected: 'the internet gateway, for both public subnets',
        actual: routes(publics),
        hint: 'A route table with 0.0.0.0/0 -> the internet gateway, associated with each public subnet.',
      }),
      expectTrue(
        'Public IPv4 address on launch in the public subnets',
        publics.length >= 2 && publics.every((s) => s.MapPublicIpOnLaunch),
        {
          expected: 'on in both public subnets',
          actual:
            publics
              .map(
                (s) => `${nameOf(s.Tags).replace(`${nameOf(vpc.Tags)}-`, '')}: ${s.MapPublicIpOnLaunch ? 'on' : 'off'}`,
              )
              .join(', ') || 'no public subnets',
          hint: 'ModifySubnetAttributeCommand({ SubnetId, MapPublicIpOnLaunch: { Value: true } }).',
        },
      ),
    ]),
    ...inStep(4, [
      expectTrue('NAT gateway in a public subnet', Boolean(natInPublic), {
        expected: 'a NAT gateway in one of the public subnets',
        actual: nats.length
          ? nats
              .map((n) => {
                const where = Subnets.find((s) => s.SubnetId === n.SubnetId)
                return `${n.NatGatewayId} (${n.State}) in ${where ? nameOf(where.Tags) || n.SubnetId : n.SubnetId}`
              })
              .join(', ')
          : 'none',
        hint: 'CreateNatGatewayCommand with the SubnetId of a public subnet and the AllocationId of an Elastic IP.',
      }),
      expectTrue('Default route of the private subnets', natRoutes, {
        expected: 'the NAT gateway, for both private subnets',
        actual: routes(privates),
        hint: 'A second route table with 0.0.0.0/0 -> NatGatewayId, associated with each private subnet.',
      }),
    ]),
  ]
}

/** Looks at every lab VPC in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const { Vpcs = [] } = await ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: [`${PREFIX}*`] }] }),
  )
  const vpcs = Vpcs.filter((v) => /^vpclab-\d+$/.test(nameOf(v.Tags)))
  const found: Expectation = {
    step: 1,
    name: 'VPC from the starter code',
    status: vpcs.length ? 'pass' : 'fail',
    expected: `a VPC tagged Name=${PREFIX}…`,
    actual: vpcs.length ? vpcs.map((v) => `${nameOf(v.Tags)} (${v.CidrBlock})`).join(', ') : 'none',
    hint: vpcs.length ? undefined : 'Run your code first: the starter creates the VPC.',
  }
  if (!vpcs.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const vpc of vpcs) {
    const expectations = await inspect(vpc)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
