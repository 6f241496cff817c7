import { createAuthClient } from 'better-auth/react'

/** better-auth's browser client: talks to /api/auth on this same origin. */
export const authClient = createAuthClient()

/** A readable sentence from a better-auth error (or our 403/429 answers, which carry `message` too). */
export function errorText(error: { message?: string; status: number; statusText: string } | null): string | null {
  if (!error) return null
  if (error.message) return error.message
  return `The server answered ${error.status} ${error.statusText}. Try again in a moment.`
}
