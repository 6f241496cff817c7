/** Where to go after signing in: a path on this site only, so a crafted link cannot send learners elsewhere. */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/'
  return value.slice(0, 500)
}
