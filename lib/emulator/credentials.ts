import { randomInt } from 'node:crypto'

/**
 * Each learner gets an emulator account of their own: LocalStack and MiniStack both treat a 12-digit access key
 * id as the account id. In a learner's own MiniStack it is simply their account; on a shared emulator the gateway
 * pins every request to it.
 */
export function newAccountId(): string {
  // 1xxxxxxxxxxx–9xxxxxxxxxxx: never the emulators' shared default account 000000000000
  return String(randomInt(100_000, 1_000_000)) + String(randomInt(0, 1_000_000)).padStart(6, '0')
}
