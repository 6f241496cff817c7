/**
 * The one results shape that runs and checks share (see docs/decisions/0003-results-shape.md).
 * The UI, progress records and the CI conformance run all read it.
 */
import { z } from 'zod'

export const expectationSchema = z.object({
  name: z.string().describe('What was checked, e.g. "Bucket versioning"'),
  status: z.enum(['pass', 'fail']),
  expected: z.string().optional().describe('The value the check wanted'),
  actual: z.string().optional().describe('The value the emulator reported'),
  hint: z.string().optional().describe('What to change when this fails'),
  step: z.number().int().min(1).max(20).optional().describe("The lab step this expectation belongs to (lab.mdx's \"## Step n\")"),
})

export const resultSchema = z.object({
  status: z.enum(['pass', 'fail', 'error']),
  message: z.string().optional(),
  /** The line of the learner's code where an error was thrown: the editor marks it. */
  line: z.number().int().positive().optional(),
  expectations: z.array(expectationSchema),
})

export type Expectation = z.infer<typeof expectationSchema>
export type Result = z.infer<typeof resultSchema>

/** One AWS call a run made (the call timeline): captured by SDK instrumentation inside the sandbox. */
export type { AwsCall } from './runner/protocol'
import type { AwsCall } from './runner/protocol'
import type { KernelState } from './runner/kernels'

/** Which limit stopped a run, so the UI can say exactly why. */
export type LimitName = 'time' | 'load' | 'memory' | 'output'

/** One line of the NDJSON stream a run or check sends to the browser. */
export type RunEvent =
  | { type: 'status'; message: string }
  | { type: 'stdout'; text: string }
  | { type: 'stderr'; text: string }
  | { type: 'call'; call: AwsCall }
  | {
      type: 'result'
      result: Result
      durationMs: number
      limit?: LimitName
      /** Kernel runs: [n] and whether this cell started a new kernel (and why the old one ended). */
      kernel?: KernelState
    }
