import 'server-only'
import { env } from '../env'

/**
 * The one place that knows where the emulator is. npm start sets AWS_ENDPOINT_URL when it starts MiniStack
 * itself; otherwise the user points it at their own LocalStack or MiniStack.
 */
export const emulatorConfig = {
  endpoint: env.AWS_ENDPOINT_URL?.replace(/\/$/, ''),
  region: env.AWS_REGION,
  /** True when npm start manages the emulator (so the hint says to restart npm start, not docker). */
  managed: env.CLOUDBOOK_EMULATOR_MANAGED === '1',
}

export function startHint() {
  return emulatorConfig.managed
    ? 'restart Cloudbook with `npm start`, which starts MiniStack itself'
    : 'start one with `npm start` (it starts MiniStack itself), `docker compose up localstack`, or set AWS_ENDPOINT_URL to a running LocalStack/MiniStack'
}
