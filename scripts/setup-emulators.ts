// Creates the pinned emulator venvs ahead of time (the server would otherwise do it on its first start).
import { ensureVenv, type Backend } from '../lib/environments/venv'

const names = process.argv.slice(2).length ? process.argv.slice(2) : ['ministack', 'localstack']
for (const name of names) {
  if (name !== 'ministack' && name !== 'localstack') throw new Error(`unknown backend ${name}`)
  const backend: Backend = name
  console.log(`${backend}: ${ensureVenv(process.cwd(), backend).dir}`)
}
