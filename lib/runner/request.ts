import { z } from 'zod'

/** 100 KB of source is far beyond any cell; refusing more keeps the runner's work bounded. */
export const codeBody = z.object({ code: z.string().max(100_000, 'code is larger than 100 KB') })

export async function parseBody<T>(request: Request, schema: z.ZodType<T>): Promise<{ data: T } | { error: Response }> {
  const json: unknown = await request.json().catch(() => undefined)
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    return { error: Response.json({ error: parsed.error.issues.map((i) => i.message).join('; ') }, { status: 400 }) }
  }
  return { data: parsed.data }
}
