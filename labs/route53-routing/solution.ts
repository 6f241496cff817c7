import {
  ChangeResourceRecordSetsCommand,
  CreateHealthCheckCommand,
  CreateHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type ResourceRecordSet,
} from '@aws-sdk/client-route-53'

const r53 = new Route53Client({})
// every lab hosted zone (and health check reference) starts with this id
const id = `dnslab-${Date.now()}`
const zone = `${id}.example.com`

// Step 1: the hosted zone, and a simple record for the API that answers with the current release.
const { HostedZone, DelegationSet } = await r53.send(new CreateHostedZoneCommand({ Name: zone, CallerReference: id }))
const HostedZoneId = HostedZone?.Id
console.log('zone', zone, HostedZoneId, 'served by', DelegationSet?.NameServers?.join(' '))
const simpleApi: ResourceRecordSet = {
  Name: `api.${zone}`,
  Type: 'A',
  TTL: 60,
  ResourceRecords: [{ Value: '192.0.2.10' }],
}
await r53.send(
  new ChangeResourceRecordSetsCommand({
    HostedZoneId,
    ChangeBatch: { Changes: [{ Action: 'CREATE', ResourceRecordSet: simpleApi }] },
  }),
)

const a = (name: string, ip: string, policy: Partial<ResourceRecordSet>): ResourceRecordSet => ({
  Name: `${name}.${zone}`,
  Type: 'A',
  TTL: 60,
  ResourceRecords: [{ Value: ip }],
  ...policy,
})

// Step 2: the canary. One atomic batch swaps the simple record for a 90/10 weighted pair.
await r53.send(
  new ChangeResourceRecordSetsCommand({
    HostedZoneId,
    ChangeBatch: {
      Comment: 'canary: 10 % of the API to green',
      Changes: [
        { Action: 'DELETE', ResourceRecordSet: simpleApi },
        { Action: 'CREATE', ResourceRecordSet: a('api', '192.0.2.10', { SetIdentifier: 'blue', Weight: 90 }) },
        { Action: 'CREATE', ResourceRecordSet: a('api', '192.0.2.20', { SetIdentifier: 'green', Weight: 10 }) },
      ],
    },
  }),
)

// Step 3: the primary site counts as down after three failed checks in a row, 30 seconds apart.
const { HealthCheck } = await r53.send(
  new CreateHealthCheckCommand({
    CallerReference: `${id}-primary`,
    HealthCheckConfig: {
      Type: 'HTTPS',
      FullyQualifiedDomainName: `primary.${zone}`,
      ResourcePath: '/health',
      Port: 443,
      RequestInterval: 30,
      FailureThreshold: 3,
    },
  }),
)
console.log('health check', HealthCheck?.Id)

// Step 4: www answers with the primary while it is healthy, otherwise with the standby.
await r53.send(
  new ChangeResourceRecordSetsCommand({
    HostedZoneId,
    ChangeBatch: {
      Changes: [
        {
          Action: 'CREATE',
          ResourceRecordSet: a('www', '192.0.2.30', {
            SetIdentifier: 'primary',
            Failover: 'PRIMARY',
            HealthCheckId: HealthCheck?.Id,
          }),
        },
        {
          Action: 'CREATE',
          ResourceRecordSet: a('www', '192.0.2.40', { SetIdentifier: 'secondary', Failover: 'SECONDARY' }),
        },
      ],
    },
  }),
)

const { ResourceRecordSets = [] } = await r53.send(new ListResourceRecordSetsCommand({ HostedZoneId }))
for (const r of ResourceRecordSets) {
  const policy = r.Weight !== undefined ? `weight ${r.Weight}` : (r.Failover ?? 'simple')
  console.log(`${r.Name} ${r.Type} ${r.SetIdentifier ?? ''} [${policy}] -> ${r.ResourceRecords?.map((v) => v.Value)}`)
}
