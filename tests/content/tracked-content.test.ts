import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { cellFiles, sharedCellFilesDir } from '@/lib/content/cell-files'

/**
 * Content that only exists in one working copy never reaches CI or a server: a lesson's files under node_modules/
 * (the package AWS's examples import) were once ignored by git and vanished from every clean clone.
 */
describe('course content is all under version control', () => {
  it('git ignores no file under lessons/ or labs/', () => {
    const ignored = execFileSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', 'lessons', 'labs'], {
      encoding: 'utf8',
    })
    expect(ignored.split('\n').filter(Boolean)).toEqual([])
  })

  it("ships the examples' utility package to every cell", () => {
    const files = Object.keys(cellFiles(sharedCellFilesDir))
    expect(files).toEqual(
      expect.arrayContaining([
        'node_modules/@aws-doc-sdk-examples/lib/package.json',
        'node_modules/@aws-doc-sdk-examples/lib/utils/util-node.js',
        'node_modules/@aws-doc-sdk-examples/lib/utils/util-timers.js',
        'node_modules/@aws-doc-sdk-examples/lib/utils/util-fs.js',
      ]),
    )
  })
})
