import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

const solution = readFileSync(path.resolve('labs/s3-versioning/solution.ts'), 'utf8')

async function monacoIn(container: Locator) {
  // lesson editors load when their cell comes into view
  await container.scrollIntoViewIfNeeded()
  const editor = container.locator('.monaco-editor').first()
  await expect(editor).toBeVisible()
  return editor
}

/** Replaces the editor's content the way a learner would: select all, paste (typing would auto-close brackets). */
async function replaceCode(page: Page, container: Locator, code: string) {
  const editor = await monacoIn(container)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate((text) => navigator.clipboard.writeText(text), code)
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
  await expect(container.locator('.view-lines')).toContainText(code.split('\n')[0]?.slice(0, 30) ?? '')
}

test('a learner reads the S3 lesson, runs a cell, solves the lab, takes the quiz, and finds it all saved', async ({
  page,
}) => {
  await test.step('open the lesson: emulator shown in the header, table of contents deep-links', async () => {
    await page.goto('/lessons/s3')
    await expect(page.getByRole('heading', { level: 1, name: /Amazon S3/ })).toBeVisible()
    await expect(page.getByTestId('emulator-badge')).toHaveText(/MiniStack \d+\.\d+/)
    const toc = page.getByRole('navigation', { name: 'On this page' })
    const firstEntry = toc.getByRole('link').first()
    const href = await firstEntry.getAttribute('href')
    expect(href).toMatch(/^#[a-z0-9-]+$/)
    await expect(page.locator(`[id="${href?.slice(1)}"]`)).toHaveCount(1)
  })

  await test.step('run the first cell and see real emulator output streamed below it', async () => {
    const cell = page.getByTestId('cell').first()
    await monacoIn(cell)
    await cell.getByTestId('run-button').click()
    await expect(cell.getByTestId('cell-output')).toContainText("keys: [ 'hello.txt', 'reports/2026/11.csv' ]")
    await expect(cell.getByTestId('cell-result')).toHaveText(/Finished in \d+ ms/)
  })

  await test.step('Ctrl/Cmd+Enter runs an edited cell, and errors point at the line', async () => {
    const cell = page.getByTestId('cell').first()
    await replaceCode(
      page,
      cell,
      "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3'\nconst s3 = new S3Client({})\nawait s3.send(new GetObjectCommand({ Bucket: 'missing-bucket-e2e', Key: 'x' }))\n",
    )
    await page.keyboard.press('ControlOrMeta+Enter')
    await expect(cell.getByTestId('cell-result')).toHaveText(/NoSuchBucket: .*cell\.ts line 3/)
  })

  await test.step('open the lab: the starter fails the check with expected vs actual', async () => {
    await page.getByRole('link', { name: 'Keep every version of a file' }).click()
    await expect(page).toHaveURL(/\/labs\/s3-versioning$/)
    const lab = page.getByTestId('lab-editor')
    await monacoIn(lab)
    await page.getByTestId('lab-run').click()
    await expect(page.getByTestId('cell-result')).toHaveText(/Finished/)
    await page.getByTestId('lab-check').click()
    const results = page.getByTestId('check-results')
    await expect(results).toContainText('not met')
    await expect(results.getByTestId('expectation').filter({ hasText: 'Bucket versioning' })).toContainText(
      'Off (never enabled), expected Enabled',
    )
    // the failed check unlocked the first hint, and only that one
    await expect(page.getByTestId('lab-hint')).toHaveCount(1)
  })

  await test.step('show me the solution: recorded, a diff opens and the code is not overwritten', async () => {
    await expect(page.getByTestId('lab-solution')).toHaveAttribute('data-state', 'locked')
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByTestId('lab-solution').click()
    await expect(page.getByTestId('solution-diff').locator('.monaco-diff-editor')).toBeVisible()
    await expect(page.getByTestId('lab-editor')).toContainText('TODO: turn on versioning here')
    await expect(page.getByTestId('lab-solution')).toHaveAttribute('data-state', 'revealed')
    await page.getByTestId('lab-solution').click()
  })

  await test.step('solve the lab: the draft autosaves and Check passes', async () => {
    await replaceCode(page, page.getByTestId('lab-editor'), solution)
    await expect(page.getByTestId('save-state')).toHaveText('All changes saved')
    await page.getByTestId('lab-run').click()
    await expect(page.getByTestId('cell-result')).toHaveText(/Finished/)
    await page.getByTestId('lab-check').click()
    await expect(page.getByTestId('check-results')).toContainText('All expectations met')
    await expect(page.getByTestId('expectation').filter({ hasText: '✗' })).toHaveCount(0)
  })

  await test.step('reload: the draft and the passing result are still there', async () => {
    await page.reload()
    await expect(page.getByTestId('lab-editor')).toContainText('PutBucketVersioningCommand')
    await expect(page.getByTestId('check-results')).toContainText('All expectations met')
  })

  await test.step('take the quiz and find the result after a reload; retry clears it', async () => {
    await page.goto('/lessons/s3')
    const quiz = page.getByTestId('quiz')
    for (const group of await quiz.getByRole('group').all()) {
      await group.locator('input').first().check()
    }
    await quiz.getByRole('button', { name: 'Submit answers' }).click()
    await expect(quiz.getByTestId('quiz-score')).toHaveText(/Your last result: \d \/ 6/)
    await expect(quiz.locator('.explanation')).toHaveCount(6)
    await page.reload()
    await expect(page.getByTestId('quiz').getByTestId('quiz-score')).toHaveText(/Your last result: \d \/ 6/)
    await page.getByTestId('quiz').getByRole('button', { name: 'Retry the quiz' }).click()
    await expect(page.getByTestId('quiz').getByRole('button', { name: /Answer all questions/ })).toBeDisabled()
  })

  await test.step('reset the lab: starter code back, lab buckets removed', async () => {
    await page.goto('/labs/s3-versioning')
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByTestId('lab-reset').click()
    await expect(page.getByRole('status').filter({ hasText: 'Lab reset' })).toBeVisible()
    await expect(page.getByTestId('lab-editor')).toContainText('TODO: turn on versioning here')
    // the old "All expectations met" does not outlive the reset
    await expect(page.getByTestId('check-results')).toHaveCount(0)
    await page.getByTestId('lab-check').click()
    await expect(page.getByTestId('expectation').first()).toContainText('none, expected a bucket named cloudbook-lab-…')
  })
})

test('two learners do not see each other’s lab work', async ({ browser }) => {
  const other = await browser.newContext()
  const page = await other.newPage()
  await page.goto('/labs/s3-versioning')
  await page.getByTestId('lab-check').click()
  await expect(page.getByTestId('expectation').first()).toContainText('none, expected')
  await other.close()
})
