import {
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
  type NetworkAclEntry,
  type SecurityGroupRule,
  type Tag,
  type Vpc,
} from '@aws-sdk/client-ec2'
import { expectEqual, expectTrue, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'

const PREFIX = 'sglab-'
const ec2 = new EC2Client({})
const nameOf = (tags: Tag[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value ?? ''
const PROTOCOLS: Record<string, string> = { '-1': 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', tcp: 'tcp', udp: 'udp' }

function ruleText(r: SecurityGroupRule, groupNames: Map<string, string>): string {
  const ports =
    r.IpProtocol === '-1'
      ? 'all traffic'
      : r.FromPort === r.ToPort
        ? `port ${r.FromPort}`
        : `ports ${r.FromPort}-${r.ToPort}`
  const ref = r.ReferencedGroupInfo?.GroupId
  const source = ref ? `group ${groupNames.get(ref) ?? ref}` : (r.CidrIpv4 ?? r.CidrIpv6 ?? r.PrefixListId ?? '?')
  return `${PROTOCOLS[r.IpProtocol ?? ''] ?? r.IpProtocol} ${ports} from ${source}`
}

const entryText = (e: NetworkAclEntry) =>
  `${e.RuleNumber} ${e.RuleAction} ${PROTOCOLS[e.Protocol ?? ''] ?? e.Protocol} ${e.CidrBlock ?? e.Ipv6CidrBlock}`

async function inspect(vpc: Vpc, region: string): Promise<Expectation[]> {
  const id = nameOf(vpc.Tags)
  const byVpc = [{ Name: 'vpc-id', Values: [vpc.VpcId ?? ''] }]

  // Step 2: the two groups and their inbound rules
  const { SecurityGroups = [] } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: byVpc }))
  const groupNames = new Map(SecurityGroups.map((g) => [g.GroupId ?? '', g.GroupName ?? '']))
  const webGroup = SecurityGroups.find((g) => g.GroupName === `${id}-web`)
  const dbGroup = SecurityGroups.find((g) => g.GroupName === `${id}-db`)
  const inbound = async (groupId: string | undefined) => {
    if (!groupId) return undefined
    const { SecurityGroupRules = [] } = await ec2.send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] }),
    )
    return SecurityGroupRules.filter((r) => !r.IsEgress)
      .map((r) => ruleText(r, groupNames))
      .sort()
      .join(', ')
  }
  const webRules = await inbound(webGroup?.GroupId)
  const dbRules = await inbound(dbGroup?.GroupId)

  // Step 3: the network ACL's own rules (the catch-all deny, rule 32767, is left out)
  const { NetworkAcls = [] } = await ec2.send(new DescribeNetworkAclsCommand({ Filters: byVpc }))
  const acl = NetworkAcls.find((a) => nameOf(a.Tags) === `${id}-db`)
  const rules = (egress: boolean) =>
    acl
      ? (acl.Entries ?? [])
          .filter((e) => Boolean(e.Egress) === egress && (e.RuleNumber ?? 0) < 32767)
          .sort((a, b) => (a.RuleNumber ?? 0) - (b.RuleNumber ?? 0))
          .map(entryText)
          .join(', ') || 'no rules'
      : `no network ACL tagged ${id}-db`

  // Step 4: the gateway endpoint and the route table it serves
  const { RouteTables = [] } = await ec2.send(new DescribeRouteTablesCommand({ Filters: byVpc }))
  const privateTable = RouteTables.find((t) => nameOf(t.Tags) === `${id}-private`)?.RouteTableId
  const { VpcEndpoints = [] } = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: byVpc }))
  const live = VpcEndpoints.filter(
    (e) => !['deleted', 'deleting', 'failed'].includes(String(e.State ?? '').toLowerCase()),
  )
  const s3Service = `com.amazonaws.${region}.s3`
  const endpoint = live.find((e) => e.ServiceName === s3Service && e.VpcEndpointType === 'Gateway')

  return [
    ...inStep(2, [
      expectEqual(
        'Inbound rules of the web group',
        webRules ?? `no security group ${id}-web`,
        'tcp port 443 from 0.0.0.0/0',
        `CreateSecurityGroupCommand with GroupName ${id}-web, then allow tcp 443 from 0.0.0.0/0.`,
      ),
      expectEqual(
        'Inbound rules of the database group',
        dbRules ?? `no security group ${id}-db`,
        `tcp port 5432 from group ${id}-web`,
        'Allow tcp 5432 with UserIdGroupPairs: [{ GroupId: <web group id> }], and no address ranges.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Inbound rules of the database ACL, in evaluation order',
        rules(false),
        '90 deny tcp 10.1.0.66/32, 100 allow tcp 10.1.0.0/24',
        'Rule 90 denies the compromised host before rule 100 allows the web subnet; both with Egress: false.',
      ),
      expectEqual(
        'Outbound rules of the database ACL',
        rules(true),
        '100 allow tcp 10.1.0.0/24',
        'The ACL is stateless: allow the replies (tcp 1024-65535 to 10.1.0.0/24) with Egress: true.',
      ),
    ]),
    ...inStep(4, [
      expectTrue('Gateway endpoint for S3', Boolean(endpoint), {
        expected: `a Gateway endpoint for ${s3Service}`,
        actual: live.length ? live.map((e) => `${e.VpcEndpointType} ${e.ServiceName}`).join(', ') : 'no VPC endpoints',
        hint: "CreateVpcEndpointCommand with VpcEndpointType 'Gateway' and the S3 service name of your Region.",
      }),
      expectTrue(
        'Route table the endpoint serves',
        Boolean(privateTable && endpoint?.RouteTableIds?.includes(privateTable)),
        {
          expected: `${id}-private`,
          actual: endpoint
            ? (endpoint.RouteTableIds ?? [])
                .map((t) => nameOf(RouteTables.find((r) => r.RouteTableId === t)?.Tags) || t)
                .join(', ') || 'none'
            : 'no S3 gateway endpoint',
          hint: 'Put the private route table in RouteTableIds: AWS adds the route to S3 to that table.',
        },
      ),
    ]),
  ]
}

/** Looks at every lab VPC in the learner's account and reports on the one that is furthest along. */
export default async function check({ region }: CheckContext) {
  const { Vpcs = [] } = await ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: [`${PREFIX}*`] }] }),
  )
  const vpcs = Vpcs.filter((v) => /^sglab-\d+$/.test(nameOf(v.Tags)))
  const found: Expectation = {
    step: 1,
    name: 'VPC from the starter code',
    status: vpcs.length ? 'pass' : 'fail',
    expected: `a VPC tagged Name=${PREFIX}…`,
    actual: vpcs.length ? vpcs.map((v) => nameOf(v.Tags)).join(', ') : 'none',
    hint: vpcs.length ? undefined : 'Run your code first: the starter creates the VPC and its subnets.',
  }
  if (!vpcs.length) return resultOf([found])
  const clientRegion = region || (await ec2.config.region())
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const vpc of vpcs) {
    const expectations = await inspect(vpc, clientRegion)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
