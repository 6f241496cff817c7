// Runs as PID 1 inside a shared emulator's sandbox (LocalStack listens on TCP only): starts the emulator, and
// bridges /run/cloudbook/emulator.sock — the only way in from outside the sandbox's network namespace — to its
// loopback port. SIGTERM is passed on so the emulator can save state; when it exits, so does the sandbox.
// Bundled by lib/environments/bridge-script.ts.
import { spawn } from 'node:child_process'
import net from 'node:net'
import { splice } from './splice'

const [portText, ...command] = process.argv.slice(2)
const port = Number(portText)
const [program, ...args] = command
if (!program || !Number.isInteger(port)) {
  console.error('usage: socket-bridge <port> <command…>')
  process.exit(2)
}

const emulator = spawn(program, args, { stdio: 'inherit' })
emulator.once('exit', (code) => process.exit(code ?? 1))
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => emulator.kill(signal))

net
  .createServer((client) => {
    splice(client, net.connect(port, '127.0.0.1'))
  })
  .listen('/run/cloudbook/emulator.sock')
