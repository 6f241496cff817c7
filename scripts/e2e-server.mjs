// The server Playwright tests against: `npm start` with a fresh database of its own and no outside emulator,
// so the journey exercises the same start-up path a learner's first `npm start` does.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const db = path.join(root, '.cloudbook', 'e2e.db')
rmSync(db, { force: true })
const env = { ...process.env, DATABASE_URL: `file:${db}` }
delete env.AWS_ENDPOINT_URL
const server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), 'start'], {
  cwd: root,
  env,
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
