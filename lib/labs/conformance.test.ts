import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readConformance, recordConformance, verdict } from './conformance'

const roots: string[] = []
const root = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conformance-'))
  roots.push(dir)
  return dir
}
afterEach(() => roots.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('conformance report', () => {
  it('merges the three proofs of a lab × backend written by different tests', () => {
    const dir = root()
    const at = new Date().toISOString()
    recordConformance([{ lab: 'a', backend: 'ministack', starterFails: 'pass', at }], { ministack: '1.5.33' }, dir)
    recordConformance([{ lab: 'a', backend: 'ministack', solutionPasses: 'pass', cleanupResets: 'pass', at }], {}, dir)
    const { report, source } = readConformance(dir) ?? { report: undefined, source: undefined }
    expect(source).toBe('live')
    expect(report?.versions).toEqual({ ministack: '1.5.33' })
    expect(report?.entries).toHaveLength(1)
    expect(verdict(report?.entries[0], true)).toBe('pass')
  })

  it('says fail, not run or not supported honestly', () => {
    const at = ''
    expect(verdict({ lab: 'a', backend: 'ministack', starterFails: 'pass', at }, true)).toBe('not run')
    expect(
      verdict(
        { lab: 'a', backend: 'ministack', starterFails: 'pass', solutionPasses: 'fail', cleanupResets: 'pass', at },
        true,
      ),
    ).toBe('fail')
    expect(verdict(undefined, false)).toBe('not supported')
    expect(readConformance(root())).toBeNull()
  })
})
