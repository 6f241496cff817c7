import { z } from 'zod'

/** Every setting Cloudbook reads, validated once; modules import `env` instead of touching process.env. */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'use file:<path> for SQLite or postgresql://… for PostgreSQL')
    .optional()
    .describe('Database; unset means the embedded SQLite file .cloudbook/cloudbook.db'),
  AWS_ENDPOINT_URL: z
    .url()
    .optional()
    .describe('The emulator (LocalStack, MiniStack or compatible). npm start sets it when it starts one itself'),
  AWS_REGION: z.string().default('us-east-1').describe('Region given to learner code'),
  CLOUDBOOK_EMULATOR: z
    .enum(['ministack', 'localstack'])
    .default('ministack')
    .describe('Which backend npm start runs when AWS_ENDPOINT_URL is unset'),
  CLOUDBOOK_EMULATOR_MANAGED: z
    .enum(['0', '1'])
    .default('0')
    .describe('Set to 1 by npm start when it started the emulator itself (changes the "how to start it" hint)'),
  RUNNER_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  RUNNER_MEMORY_MB: z.coerce.number().int().min(64).max(2048).default(160),
  RUNNER_OUTPUT_KB: z.coerce.number().int().min(1).max(10_240).default(64),
  RUNNER_MAX_CONCURRENT: z.coerce.number().int().min(1).max(64).default(4),
})

export type Env = z.infer<typeof envSchema>

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
  throw new Error(`Cloudbook's environment is invalid:\n${problems}`)
}

export const env = parseEnv()
