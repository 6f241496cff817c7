// `npm test`: the whole suite — unit, content, data (SQLite and PostgreSQL), integration against real emulators
// (MiniStack, plus LocalStack for the conformance set), a production build, and the Playwright journey in
// Debian's Chromium. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const out = path.join(root, '.cloudbook', 'test-results')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.error(
    `Chromium is needed for the end-to-end tests and was not found at ${chromium}.\nInstall it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
  )
  process.exit(1)
}

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  CLOUDBOOK_TEST_BACKENDS: process.env.CLOUDBOOK_TEST_BACKENDS ?? 'ministack,localstack',
}
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const step = (title, cmd, args, extraEnv = {}) => {
  console.log(`\n▶ ${title}`)
  const result = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' })
  return result.status === 0
}

const vitestJson = path.join(out, 'vitest.json')
const playwrightJson = path.join(out, 'playwright.json')
let ok = step('Vitest: unit, content, data and integration tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
])
const built = step('Production build for the end-to-end tests', bin('next'), ['build'])
ok = built && ok
if (built) {
  ok =
    step('Playwright: end-to-end in Chromium', bin('playwright'), ['test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    }) && ok
}

function counts() {
  let passed = 0
  let failed = 0
  if (existsSync(vitestJson)) {
    const v = JSON.parse(readFileSync(vitestJson, 'utf8'))
    passed += v.numPassedTests ?? 0
    failed += v.numFailedTests ?? 0
    // a file that fails to load has no failed test of its own; count it once
    failed += (v.testResults ?? []).filter(
      (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length
  }
  if (existsSync(playwrightJson)) {
    const p = JSON.parse(readFileSync(playwrightJson, 'utf8'))
    passed += p.stats?.expected ?? 0
    failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0)
  }
  return { passed, failed }
}

const { passed, failed } = counts()
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1)
