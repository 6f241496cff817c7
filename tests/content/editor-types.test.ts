import { describe, expect, it } from 'vitest'
import { editorDiagnostics } from '@/lib/editor/editor-typecheck'
import { extractCells, listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { listLabIds, readLab } from '@/lib/labs/lab-files'

/**
 * Zero squiggles on code as shipped: every lesson cell and every lab starter and solution type-checks in the editor's
 * own configuration, with exactly the declarations the editor downloads. (A cell without imports is a script and
 * shares the page's global scope, as it does in Monaco; checked on its own to keep cells of different pages apart.)
 */
describe('editor types', () => {
  const isModule = (code: string) => /^\s*(import|export)\s/m.test(code)
  const lessonCells = listLessonDirs()
    .map(readLessonDir)
    .flatMap((lesson) =>
      extractCells(lesson.body).map((c) => ({ name: `${lesson.section} cell ${c.index}`, code: c.code })),
    )
  const labCode = listLabIds().flatMap((id) => {
    const lab = readLab(id)
    return [
      { name: `lab ${id} starter`, code: lab.starter },
      { name: `lab ${id} solution`, code: lab.solution },
    ]
  })

  it('shows no diagnostics on any lesson cell or lab starter and solution as shipped', () => {
    const all = [...lessonCells, ...labCode]
    const modules = editorDiagnostics(all.filter((c) => isModule(c.code)))
    const scripts = all.filter((c) => !isModule(c.code)).map((c) => editorDiagnostics([c]))
    const problems = [...modules, ...scripts.flatMap((m) => [...m])]
      .filter(([, diagnostics]) => diagnostics.length)
      .map(([name, diagnostics]) => `${name}: ${diagnostics.join('; ')}`)
    expect(problems).toEqual([])
  }, 300_000)

  it('catches a real type error, so the check above can fail', () => {
    const diagnostics = editorDiagnostics([
      {
        name: 'broken',
        code: "import { S3Client } from '@aws-sdk/client-s3'\nnew S3Client({}).sned()\n",
      },
    ])
    expect(diagnostics.get('broken')?.[0]).toMatch(/Property 'sned' does not exist on type 'S3Client'/)
  })
})
