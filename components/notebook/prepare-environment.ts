'use client'

import { clientPackagesIn } from '@/lib/runner/sdk-imports'

let asked = false
const warmed = new Set<string>()
let pending: Set<string> | undefined

/**
 * Asks the server to start this learner's environment before their first Run. Every cell and workbench calls it
 * with its code as it mounts; the cells of a page mount together, so one request goes out with the SDK clients
 * of all of them and the emulator loads those services before anyone presses Run. Later pages ask again only
 * when they bring clients not warmed yet.
 */
export function prepareEnvironmentOnce(code = '') {
  const fresh = clientPackagesIn(code).filter((pkg) => !warmed.has(pkg))
  if (asked && fresh.length === 0) return
  if (pending) {
    fresh.forEach((pkg) => pending?.add(pkg))
    return
  }
  const batch = new Set(fresh)
  pending = batch
  setTimeout(() => {
    pending = undefined
    asked = true
    const clients = [...batch].slice(0, 16)
    clients.forEach((pkg) => warmed.add(pkg))
    void fetch('/api/environment', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clients }),
    }).catch(() => {
      asked = false
      clients.forEach((pkg) => warmed.delete(pkg))
    })
  }, 0)
}
