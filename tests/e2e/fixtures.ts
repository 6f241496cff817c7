import { test as base, expect } from '@playwright/test'

/**
 * Every test gets a fresh browser context, so a fresh anonymous learner (its own cookie, its own emulator
 * account, its own rows): tests create their own data. Any console error or page error fails the test unless
 * the test expects it.
 */
export const test = base.extend<{ consoleErrors: string[]; allowConsoleErrors: (pattern: RegExp) => void }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
    await use(errors)
  },
  allowConsoleErrors: async ({ consoleErrors }, use) => {
    const allowed: RegExp[] = []
    await use((pattern) => allowed.push(pattern))
    const unexpected = consoleErrors.filter((e) => !allowed.some((p) => p.test(e)))
    expect(unexpected, 'unexpected console errors').toEqual([])
  },
})

test.beforeEach(({ allowConsoleErrors }) => {
  // touching the fixture makes the console check run for every test
  void allowConsoleErrors
})

export { expect }
