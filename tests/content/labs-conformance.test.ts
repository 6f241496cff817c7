import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { conformanceSchema, snapshotFile } from '@/lib/labs/conformance'
import { listLabIds, readLab } from '@/lib/labs/lab-files'

// /labs/conformance shows the shipped snapshot until a server's own suite has run: it must name every lab on every
// emulator the lab declares (refresh it with `npm run conformance:snapshot` after `npm test`)
describe('the shipped lab conformance snapshot', () => {
  it('covers every lab × declared backend, with the pinned emulator versions', () => {
    const snapshot = conformanceSchema.parse(JSON.parse(readFileSync(snapshotFile(), 'utf8')))
    const missing = listLabIds().flatMap((id) =>
      readLab(id)
        .meta.backends.filter((b) => !snapshot.entries.some((e) => e.lab === id && e.backend === b))
        .map((b) => `${id} on ${b}`),
    )
    expect(missing).toEqual([])
    expect(Object.keys(snapshot.versions).sort()).toEqual(['localstack', 'ministack'])
  })
})
