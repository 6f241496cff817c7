import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { learnerForToken } from '@/lib/auth/learner'
import { authoredCell, cellDrafts, deleteCellDraft, saveCellDraft } from '@/lib/progress/cells'

const fresh = () => learnerForToken(randomBytes(32).toString('base64url'))

describe(`lesson cell drafts on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it('finds the authored code of a cell by its id, and nothing for ids that do not exist', () => {
    expect(authoredCell('s3', 'cell-0')).toContain('@aws-sdk/client-s3')
    expect(authoredCell('s3', 'cell-999')).toBeUndefined()
    expect(authoredCell('s3', '../etc')).toBeUndefined()
    expect(authoredCell('no-such-lesson', 'cell-0')).toBeUndefined()
  })

  it("keeps a learner's edits per cell, for that learner only, until Restore", async () => {
    const learner = await fresh()
    const other = await fresh()
    const authored = authoredCell('s3', 'cell-0') ?? ''
    await saveCellDraft(learner.id, 's3', 'cell-0', authored, 'console.log("mine")')
    await saveCellDraft(learner.id, 's3', 'cell-0', authored, 'console.log("mine, later")')
    expect(await cellDrafts(learner.id, 's3')).toEqual({ 'cell-0': 'console.log("mine, later")' })
    expect(await cellDrafts(other.id, 's3')).toEqual({})
    await deleteCellDraft(learner.id, 's3', 'cell-0')
    expect(await cellDrafts(learner.id, 's3')).toEqual({})
  })

  it('does not lay an old draft over a cell whose lesson code has changed since', async () => {
    const learner = await fresh()
    await saveCellDraft(learner.id, 's3', 'cell-0', 'the cell as it was written last month', 'console.log(1)')
    expect(await cellDrafts(learner.id, 's3')).toEqual({})
  })
})
