import { expect, test } from './fixtures'

test('a learner opens a part exam from the course home, submits it, and reviews the misses', async ({ page }) => {
  await test.step('the part header links to its exam', async () => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Networking and Content Delivery: part exam' }).click()
    await expect(page).toHaveURL(/\/parts\/networking\/exam$/)
    await expect(page.getByRole('heading', { level: 1, name: /part exam/ })).toBeVisible()
  })

  await test.step('options carry opaque ids only', async () => {
    for (const value of await page
      .getByTestId('exam')
      .locator('input')
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value') ?? ''))) {
      expect(value).toMatch(/^o[\w-]{16}$/)
    }
  })

  await test.step('answer everything, submit, see scores per lesson and a review linking to lessons', async () => {
    const exam = page.getByTestId('exam')
    const groups = await exam.getByRole('group').all()
    expect(groups.length).toBeGreaterThanOrEqual(20)
    for (const group of groups) await group.locator('input').first().check()
    await exam.getByRole('button', { name: 'Submit the exam' }).click()
    await expect(page.getByTestId('exam-result')).toContainText(new RegExp(`Your score: \\d+ / ${groups.length}`))
    await expect(page.getByTestId('exam-lesson-score').first()).toBeVisible()
    const misses = page.getByTestId('exam-misses').locator('li')
    if ((await misses.count()) > 0)
      await expect(misses.first().getByRole('link')).toHaveAttribute('href', /^\/lessons\//)
  })

  await test.step('another attempt draws a new exam', async () => {
    await page.getByRole('link', { name: 'Take another exam with new questions' }).click()
    await expect(page).toHaveURL(/attempt=2/)
    await expect(page.getByTestId('exam-last')).toContainText('attempt 1')
    await expect(page.getByRole('button', { name: /Answer all questions/ })).toBeDisabled()
  })
})

test('the course home shows learning paths and a lesson shows its prerequisite chain', async ({ page }) => {
  await page.goto('/')
  const startHere = page.getByTestId('path-start-here')
  await expect(startHere).toContainText('Start here')
  await expect(startHere.getByRole('link').first()).toHaveAttribute('href', '/lessons/iam')
  for (const role of ['developer', 'solutions-architect', 'data-engineer']) {
    await expect(page.getByTestId(`path-${role}`)).toBeVisible()
  }
  await page.goto('/lessons/ecs')
  await expect(page.getByText(/Reading first helps, in this order:/)).toContainText('→')
})
