import { getEmulatorStatus } from '@/lib/emulator/health'

/** Which emulator backs learner environments and its version; when code cannot run, the reason and the fix. */
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
    <span className="emulator-badge" data-reachable="true" data-testid="emulator-badge" title={status.detail}>
      <span className="dot" aria-hidden />
      {status.backend} {status.version}
    </span>
  )
}
