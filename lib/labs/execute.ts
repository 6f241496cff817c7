import 'server-only'
import type { AwsCall, Result, RunEvent } from '../results'
import { getEnvironments } from '../environments'
import type { LearnerRef } from '../environments/spawner'
import { signingNameOf, warmServices } from '../environments/warm-services'
import { getEmulatorStatus } from '../emulator/health'
import type { RunOutcome, RunRequest } from '../runner/run'
import { readLab } from './lab-files'

export type ExecuteOptions = { learner: LearnerRef; onEvent?: (event: RunEvent) => void; signal?: AbortSignal }

function refusal(message: string, onEvent?: (event: RunEvent) => void): RunOutcome {
  const result: Result = { status: 'error', message, expectations: [] }
  onEvent?.({ type: 'result', result, durationMs: 0 })
  return { result, durationMs: 0, stdout: '', stderr: '', calls: [] }
}

/** Runs code in the learner's own environment (started on demand), or says why it cannot run. */
async function runAs(
  request: Pick<RunRequest, 'source' | 'filename' | 'mode' | 'relativeTo' | 'calls' | 'timeoutMs' | 'kernel' | 'files'>,
  { learner, onEvent, signal }: ExecuteOptions,
): Promise<RunOutcome> {
  const status = await getEmulatorStatus()
  if (!status.reachable) return refusal(status.message, onEvent)
  const { spawner, runner, region } = await getEnvironments()
  let route
  try {
    route = await spawner.ensure(learner, (message) => onEvent?.({ type: 'status', message }))
  } catch (error) {
    console.error('environment start failed', error)
    return refusal(
      'Your AWS environment could not start. Try again in a minute; if it keeps failing, the server log says why.',
      onEvent,
    )
  }
  return runner.run({ ...request, route, region, onEvent, signal })
}

/** A learner opened a page with cells: start their environment and a sandbox now, not on their first Run. */
export async function prepareEnvironment(learner: LearnerRef, clients: string[] = []) {
  const status = await getEmulatorStatus()
  if (!status.reachable) return
  const { spawner, runner } = await getEnvironments()
  runner.prepare(learner.id)
  const route = await spawner.ensure(learner)
  const services = clients.map((pkg) => signingNameOf(process.cwd(), pkg)).filter((name) => name !== undefined)
  await warmServices(route, services)
}

/** Runs learner code (a lesson cell or a lab draft). */
export function runLearnerCode(
  code: string,
  options: ExecuteOptions,
  { timeoutMs, kernel, files }: { timeoutMs?: number; kernel?: string; files?: Record<string, string> } = {},
): Promise<RunOutcome> {
  return runAs({ source: code, filename: 'cell.ts', mode: 'run', timeoutMs, kernel, files }, options)
}

/** Interrupt or restart the learner's kernel for a lesson. */
export async function controlKernel(learnerId: string, scope: string, action: 'interrupt' | 'restart') {
  const { runner } = await getEnvironments()
  if (action === 'interrupt') return runner.kernels.interrupt(learnerId, scope)
  runner.kernels.restart(learnerId, scope)
  return true
}

/** Runs a lab's check against the learner's environment and returns expectations with expected vs actual. */
export function checkLab(labId: string, options: ExecuteOptions, calls: AwsCall[] = []): Promise<RunOutcome> {
  const lab = readLab(labId)
  return runAs({ source: lab.check, filename: 'check.ts', mode: 'check', relativeTo: lab.dir, calls }, options)
}

/** Removes the learner's lab resources so the lab can start over. */
export function cleanUpLab(labId: string, options: ExecuteOptions): Promise<RunOutcome> {
  const lab = readLab(labId)
  return runAs({ source: lab.cleanup, filename: 'cleanup.ts', mode: 'run', relativeTo: lab.dir }, options)
}
