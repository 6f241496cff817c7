import 'server-only'
import { getEnvironments } from '../environments'
import type { LearnerRef } from '../environments/spawner'
import { getEmulatorStatus } from '../emulator/health'
import { deleteEverything, deleteResource, listResources, type Inventory, type ResourceKind } from './inventory'

export type AccountView = Inventory & { state: 'running' | 'stopped' | 'unreachable' }

/** The learner's account as "Your account" shows it; a stopped environment is not started just to be listed. */
export async function accountView(learner: LearnerRef): Promise<AccountView> {
  const status = await getEmulatorStatus()
  if (!status.reachable) return { state: 'unreachable', groups: [], unavailable: [] }
  const { spawner, region } = await getEnvironments()
  if (spawner.state(learner.id) !== 'running') return { state: 'stopped', groups: [], unavailable: [] }
  return { state: 'running', ...(await listResources(await spawner.ensure(learner), region)) }
}

export async function deleteFromAccount(learner: LearnerRef, kind: ResourceKind, id: string) {
  const { spawner, region } = await getEnvironments()
  return deleteResource(await spawner.ensure(learner), region, kind, id)
}

/** "Clean everything": an environment of one's own is reset whole; on a shared emulator each resource is deleted. */
export async function cleanAccount(learner: LearnerRef): Promise<string[]> {
  const { spawner, region } = await getEnvironments()
  const route = await spawner.ensure(learner)
  if (!route.shared) {
    await spawner.reset(learner)
    return []
  }
  return deleteEverything(route, region)
}
