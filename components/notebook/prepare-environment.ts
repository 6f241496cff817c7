'use client'

let requested = false

/** Asks the server once per page to start this learner's environment before their first Run. */
export function prepareEnvironmentOnce() {
  if (requested) return
  requested = true
  void fetch('/api/environment', { method: 'POST' }).catch(() => {
    requested = false
  })
}
