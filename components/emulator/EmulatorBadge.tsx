import { getEmulatorStatus } from '@/lib/emulator/health'

/** Which emulator answered and its version; when it is down, the reason and how to start one. */
export async function EmulatorBadge() {
  const status = await getEmulatorStatus()
  if (!status.reachable) {
    return (
      <span className="emulator-badge" data-reachable="false" data-testid="emulator-badge" title={status.message}>
        <span className="dot" aria-hidden />
        Emulator offline
      </span>
    )
  }
  return (
    <span
      className="emulator-badge"
      data-reachable="true"
      data-testid="emulator-badge"
      title={`${status.endpoint} · ${status.services.length} services`}
    >
      <span className="dot" aria-hidden />
      {status.backend} {status.version}
    </span>
  )
}
