import { randomInt } from 'node:crypto'
import { z } from 'zod'

/** No 0/O, 1/I/L: codes are read aloud and typed from a projector. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 8

export function newJoinCode(): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

/** What a learner typed ("abcd-efgh ", lower case) → the stored form, or null when it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '')
  return new RegExp(`^[${ALPHABET}]{${JOIN_CODE_LENGTH}}$`).test(code) ? code : null
}

export const classTitleSchema = z
  .string()
  .trim()
  .min(2, 'Give the class a title of at least 2 characters.')
  .max(120, 'Keep the class title under 120 characters.')
