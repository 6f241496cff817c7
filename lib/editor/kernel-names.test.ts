import { describe, expect, it } from 'vitest'
import { editorDiagnostics } from './editor-typecheck'
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
})
