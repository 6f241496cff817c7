import { describe, expect, it } from 'vitest'
import { editorDiagnostics } from './editor-typecheck'
import path from 'node:path'
import { extractCells, readLessonDir } from '../content/lesson-files'
import { isModuleCell, kernelNamesDeclaration, topLevelNames } from './kernel-names'

describe('kernel names for the editor', () => {
  it('finds the top-level names a cell shares with later cells', () => {
    const code = `import S3, { S3Client, ListBucketsCommand as List, type Bucket } from '@aws-sdk/client-s3'
import * as sqs from '@aws-sdk/client-sqs'
const s3 = new S3Client({})
export let bucket = 'b'
const { Buckets = [], Owner: owner, ...rest } = {}
const [first, second] = [1, 2]
async function main() {}
class Box {}
  const nested = 1`
    expect(topLevelNames(code).sort()).toEqual(
      ['Box', 'Bucket', 'Buckets', 'List', 'S3', 'S3Client', 'bucket', 'first', 'main', 'owner', 'rest', 's3', 'second', 'sqs'].sort(),
    )
    expect(isModuleCell(code)).toBe(true)
    expect(isModuleCell('console.log(1)')).toBe(false)
  })

  it('lets a later cell use a name from an earlier one without an editor error, and still reports typos', () => {
    const cell1 = "import { S3Client } from '@aws-sdk/client-s3'\nconst s3 = new S3Client({})\n"
    const cell2 = "import { ListBucketsCommand } from '@aws-sdk/client-s3'\nawait s3.send(new ListBucketsCommand({}))\nconsole.log(s3x)\n"
    const diagnostics = editorDiagnostics([
      { name: 'cell 1', code: cell1 },
      { name: 'cell 2', code: cell2 },
      { name: 'kernel', code: kernelNamesDeclaration([cell1, cell2]) },
    ])
    expect(diagnostics.get('cell 1')).toEqual([])
    expect(diagnostics.get('cell 2')).toEqual([expect.stringMatching(/line 3: Cannot find name 's3x'/)])
  }, 120_000)

  it('types what one line settles, so names from earlier cells complete; disagreeing cells fall back to any', () => {
    const cell1 = `import { S3Client, ListBucketsCommand as List, type Bucket } from '@aws-sdk/client-s3'
import * as sqs from '@aws-sdk/client-sqs'
const s3 = new S3Client({})
const bucket = \`demo-\${Date.now()}\`
const count = 5
const mixed = 'a' + count
let later = 'x'`
    const cell2 = "import { S3Client } from '@aws-sdk/client-s3'\nconst count = 'five'\n"
    expect(kernelNamesDeclaration([cell1, cell2]).split('\n')).toEqual([
      'declare var Bucket: any;',
      'declare var List: typeof import("@aws-sdk/client-s3").ListBucketsCommand;',
      'declare var S3Client: typeof import("@aws-sdk/client-s3").S3Client;',
      'declare var bucket: string;',
      'declare var count: any;',
      'declare var later: any;',
      'declare var mixed: any;',
      'declare var s3: import("@aws-sdk/client-s3").S3Client;',
      'declare var sqs: typeof import("@aws-sdk/client-sqs");',
    ])
  })

  it("checks a later cell's use of an earlier cell's client against the SDK's types", () => {
    const cell1 = "import { S3Client } from '@aws-sdk/client-s3'\nconst s3 = new S3Client({})\nconst bucket = 'notes'\n"
    const cell2 = `import { ListObjectsV2Command } from '@aws-sdk/client-s3'
const { KeyCount } = await s3.send(new ListObjectsV2Command({ Bucket: bucket }))
await s3.sned(new ListObjectsV2Command({ Bucket: bucket }))
console.log(KeyCount, bucket.toUpperCase())
`
    const diagnostics = editorDiagnostics([
      { name: 'cell 1', code: cell1 },
      { name: 'cell 2', code: cell2 },
      { name: 'kernel', code: kernelNamesDeclaration([cell1, cell2]) },
    ])
    expect(diagnostics.get('cell 2')).toEqual([expect.stringMatching(/line 3: Property 'sned' does not exist on type 'S3Client'/)])
  }, 120_000)

  it.each(['storage/s3', 'architectures/order-pipeline', 'databases/dynamodb'])(
    'adds no editor error to any cell of the %s lesson when its cells share names',
    (dir) => {
      const lesson = readLessonDir(path.join(process.cwd(), 'lessons', dir))
      const cells = extractCells(lesson.body).map((c) => c.code)
      const diagnostics = editorDiagnostics([
        ...cells.map((code, i) => ({ name: `cell ${i + 1}`, code })),
        { name: 'kernel', code: kernelNamesDeclaration(cells) },
      ])
      // only the cells' own squiggles count: the declaration file is never shown (a name that is also a browser
      // global, such as \`name\`, cannot be redeclared there and keeps the browser's type)
      for (const [name, found] of diagnostics) if (name !== 'kernel') expect(found, name).toEqual([])
    },
    120_000,
  )
})

