import { test, expect } from './fixtures'

test('search finds a lesson section from the keyboard and opens it', async ({ page }) => {
  await page.goto('/')
  const input = page.getByTestId('search-input')

  // The shortcut listener exists only after hydration, so retry the key press until the dialog opens.
  await expect(async () => {
    await page.keyboard.press('Control+K')
    await expect(input).toBeVisible({ timeout: 1_000 })
  }).toPass()
  await expect(page.getByRole('dialog', { name: 'Search lessons' })).toBeVisible()
  await expect(input).toBeFocused()

  await input.fill('layer 7')
  const first = page.getByTestId('search-result').first()
  // The first search downloads and indexes every lesson; in development the server builds the documents too.
  await expect(first).toHaveAttribute('href', /^\/lessons\/elb(#|$)/, { timeout: 20_000 })
  await expect(first.locator('mark').first()).toBeVisible()
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await expect(input).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? '')

  await input.press('Enter')
  await expect(page).toHaveURL(/\/lessons\/elb/)
  await expect(page.getByRole('dialog', { name: 'Search lessons' })).toBeHidden()
})
