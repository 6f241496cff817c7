import { z } from 'zod'

/** 100 KB of source is far beyond any cell; refusing more keeps the runner's work bounded. */
export const codeBody = z.object({
  code: z
    .string({ error: 'the body needs a "code" field with the cell\'s source text' })
    .max(100_000, 'code is larger than 100 KB'),
})

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'not a lab or lesson id')

/** Where a run happened: a lab's workbench or a lesson's cells (recorded with the run). */
export const runScopeSchema = z.union([z.object({ lab: slug }).strict(), z.object({ lesson: slug }).strict()])
export type RunScope = z.infer<typeof runScopeSchema>

export const runBody = codeBody.extend({
  scope: runScopeSchema.optional(),
  /** A cell's declared limit for its own code (e.g. a 20 s long poll); capped by the runner. */
  timeoutSeconds: z.number().int().min(1).max(60).optional(),
})

const MAX_BODY_BYTES = 256 * 1024

/** Reads a JSON body (bounded) and validates it; every refusal says what was expected, as a 400 or 413. */
export async function parseBody<T>(request: Request, schema: z.ZodType<T>): Promise<{ data: T } | { error: Response }> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_BODY_BYTES) {
    return { error: Response.json({ error: `The request body is over ${MAX_BODY_BYTES / 1024} KB.` }, { status: 413 }) }
  }
  const text = await request.text().catch(() => '')
  if (text.length > MAX_BODY_BYTES) {
    return { error: Response.json({ error: `The request body is over ${MAX_BODY_BYTES / 1024} KB.` }, { status: 413 }) }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return {
      error: Response.json(
        { error: 'The request body must be JSON, e.g. {"code": "console.log(1)"} with content-type application/json.' },
        { status: 400 },
      ),
    }
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    return { error: Response.json({ error: parsed.error.issues.map((i) => i.message).join('; ') }, { status: 400 }) }
  }
  return { data: parsed.data }
}
