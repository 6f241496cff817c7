import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3210)

// Debian's Chromium (apt-get install chromium): Playwright's own browser download cannot work offline.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // The real start path: migrates a fresh database, starts its own MiniStack, serves the production build.
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${port}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { PORT: String(port) },
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
