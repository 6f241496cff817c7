import {
  ChangeResourceRecordSetsCommand,
  DeleteHealthCheckCommand,
  DeleteHostedZoneCommand,
  ListHealthChecksCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53'

// Reset: remove every lab hosted zone (names start with dnslab-) and every lab health check. A zone can only be
// deleted once it holds nothing but its own NS and SOA records, and a health check once no record uses it.
const r53 = new Route53Client({})

const { HostedZones = [] } = await r53.send(new ListHostedZonesCommand({}))
for (const zone of HostedZones.filter((z) => z.Name?.startsWith('dnslab-'))) {
  const HostedZoneId = zone.Id
  const { ResourceRecordSets = [] } = await r53.send(new ListResourceRecordSetsCommand({ HostedZoneId }))
  const own = ResourceRecordSets.filter((r) => !(r.Name === zone.Name && (r.Type === 'NS' || r.Type === 'SOA')))
  if (own.length) {
    await r53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId,
        ChangeBatch: { Changes: own.map((ResourceRecordSet) => ({ Action: 'DELETE', ResourceRecordSet })) },
      }),
    )
  }
  await r53.send(new DeleteHostedZoneCommand({ Id: HostedZoneId }))
  console.log('removed zone', zone.Name)
}

const { HealthChecks = [] } = await r53.send(new ListHealthChecksCommand({}))
for (const check of HealthChecks.filter((c) => c.CallerReference?.startsWith('dnslab-'))) {
  await r53.send(new DeleteHealthCheckCommand({ HealthCheckId: check.Id }))
  console.log('removed health check', check.Id)
}
