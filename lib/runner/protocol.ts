import { z } from 'zod'
import { resultSchema } from '../results'

/**
 * Messages between the server and a sandbox, one JSON object per line over fd 3. Both sides validate; the server
 * also caps line length before parsing, so a flood from a sandbox cannot stall its event loop.
 */
export const MAX_MESSAGE_BYTES = 256 * 1024

export const callSchema = z.object({
  service: z.string().max(100),
  operation: z.string().max(100),
  durationMs: z.number(),
  ok: z.boolean(),
  errorCode: z.string().max(200).optional(),
  httpStatus: z.number().int().optional(),
  /** Lambda Invoke answered with FunctionError: the function failed although the call succeeded. */
  functionError: z.string().max(200).optional(),
  /** A few identifying parameters (bucket, key, queue, function…), truncated. */
  params: z.record(z.string(), z.string().max(200)).optional(),
})
export type AwsCall = z.infer<typeof callSchema>

export const jobSchema = z.object({
  type: z.literal('job'),
  /** ts: learner code, transpiled inside the sandbox; js: trusted code the server bundled (lab checks). */
  language: z.enum(['ts', 'js']),
  source: z.string().max(2_000_000),
  filename: z.string().regex(/^[a-z][a-z0-9-]*\.ts$/),
  mode: z.enum(['run', 'check']),
  env: z.record(z.string(), z.string()),
  outputBytes: z.number().int().positive(),
  /**
   * Files the lesson or lab ships with its cells (helpers under libs/, sample data), written into the run's folder
   * before the code runs: relative paths without "..", text only.
   */
  files: z
    .record(z.string().regex(/^(?!.*\.\.)[A-Za-z0-9_@-][A-Za-z0-9_@./-]{0,200}$/), z.string().max(256 * 1024))
    .optional(),
  /**
   * A notebook kernel's cell: the sandbox stays up after it for the next cell of the same learner and lesson, and
   * top-level names are shared between cells (lib/runner/cell-scope.ts).
   */
  kernel: z.boolean().optional(),
  /** Checks only: the call timeline of the learner's last run, so a check can speak about the order of calls. */
  calls: z.array(callSchema).max(500).optional(),
  /**
   * A secret for this run: every message after the job carries it. Learner code can write to fd 3 like any fd,
   * but cannot read the token (it lives only in the sandbox script's module scope), so forged lines are caught.
   */
  token: z.string().min(16),
})
export type Job = z.infer<typeof jobSchema>


export const sandboxErrorSchema = z.object({
  name: z.string().max(200),
  message: z.string().max(10_000),
  line: z.number().int().optional(),
  /** Refusals and limits the sandbox itself raised carry a Cloudbook code. */
  code: z.string().max(100).optional(),
})

export const childMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** The job's modules are loaded and checked: from here on the time is the learner's own code's. */
  z.object({ type: z.literal('started') }),
  z.object({ type: z.literal('done') }),
  z.object({ type: z.literal('result'), result: resultSchema }),
  z.object({ type: z.literal('error'), error: sandboxErrorSchema }),
  z.object({ type: z.literal('call'), call: callSchema }),
  z.object({ type: z.literal('limit'), limit: z.enum(['output']) }),
  z.object({ type: z.literal('exit'), code: z.number().int() }),
])
export type ChildMessage = z.infer<typeof childMessageSchema>

/** On the wire: a message and, once a job has arrived, the job's token. */
export const envelopeSchema = z.object({ token: z.string().optional(), message: childMessageSchema })

/** Splits a byte stream into lines, refusing any line longer than the cap. */
export class LineReader {
  private buffer = ''
  // an overflow ends the channel: the rest of an oversized line must not be read as a (non-JSON) line of its own
  private overflowed = false
  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOverflow: () => void,
    private readonly maxBytes = MAX_MESSAGE_BYTES,
  ) {}

  push(chunk: Buffer | string) {
    if (this.overflowed) return
    this.buffer += typeof chunk === 'string' ? chunk : chunk.toString('utf8')
    let newline = this.buffer.indexOf('\n')
    while (newline !== -1) {
      const line = this.buffer.slice(0, newline)
      this.buffer = this.buffer.slice(newline + 1)
      if (line.length > this.maxBytes) return this.overflow()
      if (line) this.onLine(line)
      newline = this.buffer.indexOf('\n')
    }
    if (this.buffer.length > this.maxBytes) this.overflow()
  }

  private overflow() {
    this.overflowed = true
    this.buffer = ''
    this.onOverflow()
  }
}
