import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

async function expectNoSeriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×) ${v.nodes[0]?.target.join(' ')}`)).toEqual([])
}

test('navigate part → lesson → quiz → next lesson, with progress on the course home', async ({ page }) => {
  await page.goto('/')
  const networking = page
    .getByTestId('part')
    .filter({ has: page.getByRole('heading', { name: 'Networking and Content Delivery' }) })
  await expect(networking).toContainText(/0 \/ \d+ complete/)
  await networking.getByRole('link', { name: /Elastic Load Balancing/ }).click()
  await expect(page).toHaveURL(/\/lessons\/elb$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Elastic Load Balancing')

  const quiz = page.getByTestId('quiz')
  await quiz.scrollIntoViewIfNeeded()
  for (const group of await quiz.getByRole('group').all()) await group.locator('input').first().check()
  await quiz.getByRole('button', { name: 'Submit answers' }).click()
  await expect(quiz.getByTestId('quiz-score')).toBeVisible()

  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /→$/ }).click()
  await expect(page).toHaveURL(/\/lessons\/privatelink$/)

  await page.goto('/')
  await expect(page.getByTestId('continue')).toContainText(/AWS PrivateLink/)
  await expect(page.getByTestId('part').locator('.card').filter({ hasText: 'Elastic Load Balancing' })).toContainText(
    /quiz \d+\/\d+/,
  )
})

test('no serious accessibility violations on the course home, a lesson and a quiz result', async ({ page }) => {
  await page.goto('/')
  await expectNoSeriousA11yViolations(page)
  await page.goto('/lessons/sqs')
  // editors load when their cell comes into view
  await page.getByTestId('cell').first().scrollIntoViewIfNeeded()
  await expect(page.getByTestId('cell').first().locator('.monaco-editor')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  const quiz = page.getByTestId('quiz')
  for (const group of await quiz.getByRole('group').all()) await group.locator('input').first().check()
  await quiz.getByRole('button', { name: 'Submit answers' }).click()
  await expect(quiz.getByTestId('quiz-score')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
