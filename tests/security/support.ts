// Shared by the security suite: the integration helpers, plus what several attack files need.
import { deflateRawSync } from 'node:zlib'

export type { Backend } from '../integration/helpers'
export {
  closeAll,
  environments,
  freshAccountOf,
  freshLearner,
  run,
  testRunner,
  TEST_LIMITS,
} from '../integration/helpers'

/** What the network guard inside the sandbox says when a connection is not the emulator's address. */
export const NETWORK_REFUSAL = /Cloudbook cells can only reach the AWS emulator \(127\.0\.0\.1:4566\)/

/** What the gateway answers for emulator admin paths. */
export const ADMIN_REFUSAL = /CloudbookBlockedAdminEndpoint/
export const ADMIN_MESSAGE = /Cloudbook blocks the emulator's own admin endpoints/

/** The import policy's answer for a Node built-in outside the allowed list. */
export const builtinRefused = (name: string) =>
  new RegExp(`"${name.replace(/[/]/g, '\\/')}" is not available in Cloudbook cells \\(allowed built-ins: node:assert`)

export const COMPUTED_IMPORT = /import\(\) with a computed module name is not allowed in Cloudbook cells/

/**
 * A cell that connects a raw socket (net.Socket reached as process.stdout.constructor, no import) and prints
 * where it got to: "CONNECTED <address>:<port>" or the socket error.
 */
export function rawSocketCell(connectArgs: string, setup = '') {
  return `const Socket = process.stdout.constructor
const socket = new Socket()
socket.on('connect', () => { console.log('CONNECTED ' + socket.remoteAddress + ':' + socket.remotePort); socket.destroy() })
socket.on('error', (e) => console.log('SOCKET ERROR', e.message))
${setup}
socket.connect(${connectArgs})
await new Promise((resolve) => socket.once('close', resolve))`
}

// CRC-32 (IEEE), for the zip writer below: the central directory must carry each file's checksum.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(data: Buffer) {
  let crc = 0xffffffff
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/**
 * A minimal deflate zip of text files, as a learner could build in a cell with node:zlib: enough for Lambda's
 * CreateFunction ZipFile. Returned as base64 so a test can paste it into a cell.
 */
export function zipBase64(files: Record<string, string>): string {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text)
    const packed = deflateRawSync(data)
    const nameBytes = Buffer.from(name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    // external attributes: a regular file, rw-r--r-- (in the upper 16 bits, hence no shift into the sign bit)
    central.writeUInt32LE(0o100644 * 0x10000, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, packed)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end]).toString('base64')
}
