// An instructor creates a class; a learner signs up, joins with the code and completes the S3 quiz; the instructor
// sees it in the matrix and downloads a gradebook whose rows match.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { expect, test } from './fixtures'

// the database scripts/e2e-server.mjs gives the server
const databaseUrl = `file:${path.resolve('.cloudbook', 'e2e.db')}`
const quizFile = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      options: z.array(z.object({ id: z.string(), text: z.string() })),
      correct: z.array(z.string()),
    }),
  ),
})
/** Matches a label whose whole text is `text` (option texts can contain one another). */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
const s3Quiz = quizFile.parse(JSON.parse(readFileSync(path.resolve('lessons/storage/s3/quiz.json'), 'utf8')))

test('an instructor follows a learner through a class, down to the CSV gradebook', async ({ browser }) => {
  const id = randomUUID().slice(0, 8)
  const teacherEmail = `teacher-${id}@example.test`
  const learnerEmail = `learner-${id}@example.test`
  const title = `AWS foundations ${id} <img src=x onerror=alert(1)>`
  const teacher = await (await browser.newContext()).newPage()
  const learner = await (await browser.newContext()).newPage()
  let code = ''

  await test.step('the instructor signs up and an admin gives them the instructor role', async () => {
    await teacher.goto('/signup')
    await teacher.getByLabel('Name').fill('Grace Teacher')
    await teacher.getByLabel('Email').fill(teacherEmail)
    await teacher.getByLabel('Password').fill('a long enough password')
    await teacher.getByRole('button', { name: 'Create account' }).click()
    await expect(teacher.getByTestId('account-link')).toHaveText('Grace Teacher')
    execFileSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/set-role.ts', teacherEmail, 'instructor'],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'pipe' },
    )
  })

  await test.step('the instructor creates a class and reads its join code', async () => {
    await teacher.goto('/instructor')
    await teacher.getByLabel('Class title').fill(title)
    await teacher.getByRole('button', { name: 'Create class' }).click()
    await expect(teacher.getByTestId('class-title')).toHaveText(title) // rendered as text, not markup
    code = (await teacher.getByTestId('join-code').textContent()) ?? ''
    expect(code).toMatch(/^[A-Z2-9]{8}$/)
    await expect(teacher.getByTestId('join-link')).toContainText(`/classes/join/${code}`)
  })

  await test.step('a learner reads anonymously, signs up, and joins with the code', async () => {
    await learner.goto('/lessons/s3')
    await expect(learner.getByRole('heading', { level: 1, name: /Amazon S3/ })).toBeVisible()
    await learner.goto('/signup?next=/classes')
    await learner.getByLabel('Name').fill('Ada Learner')
    await learner.getByLabel('Email').fill(learnerEmail)
    await learner.getByLabel('Password').fill('another long password')
    await learner.getByRole('button', { name: 'Create account' }).click()
    await expect(learner).toHaveURL(/\/classes$/)
    await learner.getByLabel('Join code').fill(code.toLowerCase())
    await learner.getByRole('button', { name: 'Join class' }).click()
    await expect(learner.getByRole('status').filter({ hasText: 'You joined' })).toHaveText(`You joined ${title}.`)
  })

  await test.step('the learner completes the S3 lesson quiz with every answer right', async () => {
    await learner.goto('/lessons/s3')
    const quiz = learner.getByTestId('quiz')
    // the browser sees per-learner opaque option ids, so options are picked by their text
    for (const question of s3Quiz.questions)
      for (const id of question.correct) {
        const text = question.options.find((o) => o.id === id)?.text ?? ''
        await quiz
          .locator('label')
          .filter({ has: learner.locator(`input[name="s3-${question.id}"]`) })
          .filter({ hasText: exactly(text) })
          .locator('input')
          .check()
      }
    await quiz.getByRole('button', { name: 'Submit answers' }).click()
    const total = s3Quiz.questions.length
    await expect(quiz.getByTestId('quiz-score')).toHaveText(new RegExp(`Your last result: ${total} / ${total}`))
    // nothing was answered wrong, so nothing waits for review
    await learner.goto('/progress')
    await expect(learner.getByTestId('review-summary')).toContainText('Empty.')
  })

  await test.step('the instructor sees it in the matrix', async () => {
    await teacher.reload()
    const row = teacher.getByTestId('progress-matrix').locator(`tr[data-learner="${learnerEmail}"]`)
    await expect(row.getByRole('rowheader')).toHaveText('Ada Learner')
    const cell = row.locator('td[data-section="s3"]')
    await expect(cell).toHaveAttribute('data-status', 'completed')
    await expect(cell).toContainText(`${s3Quiz.questions.length}/${s3Quiz.questions.length}`)
    await expect(row.locator('td[data-section="sqs"]')).toHaveAttribute('data-status', 'not-started')
    // the class charts count the completion, and nobody is stuck
    await expect(teacher.getByTestId('completion-chart').locator('g[data-section="s3"]')).toHaveAttribute(
      'data-completed',
      '1',
    )
    await expect(teacher.getByTestId('stuck-now')).toContainText('Nobody looks stuck right now.')
  })

  await test.step("the instructor opens the learner's timeline from the matrix", async () => {
    const row = teacher.getByTestId('progress-matrix').locator(`tr[data-learner="${learnerEmail}"]`)
    await row.getByRole('link', { name: 'Ada Learner' }).click()
    await expect(teacher.getByTestId('learner-name')).toHaveText('Ada Learner')
    const timeline = teacher.getByTestId('timeline')
    const total = s3Quiz.questions.length
    await expect(timeline.locator('li[data-kind="lesson-completed"]')).toContainText(`(${total}/${total} in its quiz)`)
    await expect(timeline.locator('li[data-kind="quiz"]')).toHaveCount(1)
    await teacher.goBack()
  })

  await test.step('the gradebook CSV has a row per learner and lesson that matches the matrix', async () => {
    const lessons = await teacher.getByTestId('progress-matrix').locator('thead th[scope="col"]').count()
    const [download] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByTestId('gradebook-link').click(),
    ])
    const file = await download.path()
    const rows: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true })
    expect(rows).toHaveLength(lessons - 1) // one learner; the first header cell is "Learner"
    expect(rows.find((r) => r.lesson === 's3')).toMatchObject({
      learner_name: 'Ada Learner',
      learner_email: learnerEmail,
      status: 'completed',
      best_quiz_score: String(s3Quiz.questions.length),
      quiz_attempts: '1',
    })
    expect(rows.find((r) => r.lesson === 'sqs')).toMatchObject({ status: 'not-started', quiz_attempts: '0' })
  })

  await test.step('another learner cannot open the class dashboard or its gradebook', async () => {
    const classUrl = new URL(teacher.url()).pathname
    const gradebook = await learner.request.get(`/api/classes/${classUrl.split('/').pop()}/gradebook`)
    expect(gradebook.status()).toBe(404)
    const response = await learner.goto(classUrl)
    expect(response?.status()).toBe(403)
  })
})
