import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53'

const r53 = new Route53Client({})
// every lab hosted zone (and health check reference) starts with this id
const id = `dnslab-${Date.now()}`
const zone = `${id}.example.com`

// Step 1: the hosted zone, and a simple record for the API that answers with the current release.
const { HostedZone, DelegationSet } = await r53.send(new CreateHostedZoneCommand({ Name: zone, CallerReference: id }))
const HostedZoneId = HostedZone?.Id
console.log('zone', zone, HostedZoneId, 'served by', DelegationSet?.NameServers?.join(' '))
await r53.send(
  new ChangeResourceRecordSetsCommand({
    HostedZoneId,
    ChangeBatch: {
      Changes: [
        {
          Action: 'CREATE',
          ResourceRecordSet: { Name: `api.${zone}`, Type: 'A', TTL: 60, ResourceRecords: [{ Value: '192.0.2.10' }] },
        },
      ],
    },
  }),
)

// TODO (step 2): in one change batch, DELETE the simple api record and CREATE the weighted records blue (90,
//                192.0.2.10) and green (10, 192.0.2.20).

// TODO (step 3): create an HTTPS health check for primary.<zone>/health (CreateHealthCheckCommand).

// TODO (step 4): create the failover records for www: primary (PRIMARY, with the health check, 192.0.2.30) and
//                secondary (SECONDARY, 192.0.2.40).

const { ResourceRecordSets = [] } = await r53.send(new ListResourceRecordSetsCommand({ HostedZoneId }))
for (const r of ResourceRecordSets) {
  const policy = r.Weight !== undefined ? `weight ${r.Weight}` : (r.Failover ?? 'simple')
  console.log(`${r.Name} ${r.Type} ${r.SetIdentifier ?? ''} [${policy}] -> ${r.ResourceRecords?.map((v) => v.Value)}`)
}
