// Creates the pinned emulator venvs ahead of time (npm start and the tests would otherwise do it on first use).
import { ensureVenv } from '../lib/emulator/managed.mjs'

const backends = process.argv.slice(2).length ? process.argv.slice(2) : ['ministack', 'localstack']
for (const backend of backends) console.log(`${backend}: ${ensureVenv(backend)}`)
