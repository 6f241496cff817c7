import 'server-only'
import type { Result, RunEvent } from '../results'
import { emulatorConfig } from '../emulator/config'
import { learnerEnvironment } from '../emulator/credentials'
import { getEmulatorStatus } from '../emulator/health'
import { getRunner } from '../runner'
import type { RunOutcome, RunRequest } from '../runner/run'
import { readLab } from './lab-files'

export type ExecuteOptions = { accountId: string; onEvent?: (event: RunEvent) => void; signal?: AbortSignal }

async function environmentFor(accountId: string, onEvent?: (event: RunEvent) => void) {
  const status = await getEmulatorStatus()
  if (!status.reachable) {
    const result: Result = { status: 'error', message: status.message, expectations: [] }
    onEvent?.({ type: 'result', result, durationMs: 0 })
    return { unreachable: { result, durationMs: 0, stdout: '', stderr: '' } satisfies RunOutcome }
  }
  return { env: learnerEnvironment({ accountId, endpoint: status.endpoint, region: emulatorConfig.region }) }
}

/** Runs code in the learner's own emulator account, or answers with how to start an emulator when none is up. */
async function runAs(
  request: Pick<RunRequest, 'source' | 'filename' | 'mode' | 'relativeTo'>,
  options: ExecuteOptions,
): Promise<RunOutcome> {
  const { env, unreachable } = await environmentFor(options.accountId, options.onEvent)
  if (unreachable) return unreachable
  return getRunner().run({ ...request, env, onEvent: options.onEvent, signal: options.signal })
}

/** Runs learner code (a lesson cell or a lab draft). */
export function runLearnerCode(code: string, options: ExecuteOptions): Promise<RunOutcome> {
  return runAs({ source: code, filename: 'cell.ts', mode: 'run' }, options)
}

/** Runs a lab's check against the learner's account and returns expectations with expected vs actual. */
export function checkLab(labId: string, options: ExecuteOptions): Promise<RunOutcome> {
  const lab = readLab(labId)
  return runAs({ source: lab.check, filename: 'check.ts', mode: 'check', relativeTo: lab.dir }, options)
}

/** Removes the learner's lab resources so the lab can start over. */
export function cleanUpLab(labId: string, options: ExecuteOptions): Promise<RunOutcome> {
  const lab = readLab(labId)
  return runAs({ source: lab.cleanup, filename: 'cleanup.ts', mode: 'run', relativeTo: lab.dir }, options)
}
