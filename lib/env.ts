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
  CLOUDBOOK_ENV_IDLE_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(20)
    .describe("Minutes without activity after which a learner's emulator is stopped (its state is kept on disk)"),
  CLOUDBOOK_ENV_MEMORY_MB: z.coerce
    .number()
    .int()
    .min(256)
    .max(16_384)
    .default(512)
    .describe("Memory cap of one learner's emulator, including the Lambda functions it runs"),
  CLOUDBOOK_ENV_CONCURRENT_STARTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(4)
    .describe('Emulators started at once; more only slows every start on a small machine'),
  RUNNER_WARM: z.coerce.number().int().min(0).max(64).default(2).describe('Sandboxes kept started for anyone'),
  CLOUDBOOK_URL: z
    .url()
    .optional()
    .describe('Public address (e.g. https://cloudbook.school.example); unset means the address each request came to'),
  CLOUDBOOK_TRUSTED_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url()))
    .describe('Comma-separated extra origins allowed to POST (besides the app itself)'),
  CLOUDBOOK_AUTH_SECRET: z
    .string()
    .min(32, 'use at least 32 random characters, e.g. openssl rand -base64 32')
    .optional()
    .describe('Signs session cookies; unset means a random secret kept in .cloudbook/auth-secret'),
  CLOUDBOOK_OIDC_ISSUER: z
    .url()
    .optional()
    .describe(
      "Your school's OpenID Connect issuer (its discovery document is <issuer>/.well-known/openid-configuration); " +
        'set it with CLOUDBOOK_OIDC_CLIENT_ID to offer "Sign in with …". Register <CLOUDBOOK_URL>/api/auth/callback/oidc there',
    ),
  CLOUDBOOK_OIDC_CLIENT_ID: z.string().min(1).optional().describe('The client id Cloudbook has at the OIDC provider'),
  CLOUDBOOK_OIDC_CLIENT_SECRET: z
    .string()
    .min(1)
    .optional()
    .describe('Its client secret; unset for a public client (PKCE only)'),
  CLOUDBOOK_OIDC_NAME: z
    .string()
    .min(1)
    .max(60)
    .default('your school account')
    .describe('What the sign-in button calls the provider: "Sign in with <name>"'),
  CLOUDBOOK_OIDC_SCOPES: z
    .string()
    .default('openid email profile')
    .describe('Space-separated scopes to request; Cloudbook needs an email address'),
  RUNNER_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  RUNNER_MEMORY_MB: z.coerce.number().int().min(64).max(2048).default(160),
  RUNNER_OUTPUT_KB: z.coerce.number().int().min(1).max(10_240).default(64),
  RUNNER_MAX_CONCURRENT: z.coerce.number().int().min(1).max(64).default(6),
})

/** Settings that only make sense together. */
export const checkedEnvSchema = envSchema.refine((e) => !!e.CLOUDBOOK_OIDC_ISSUER === !!e.CLOUDBOOK_OIDC_CLIENT_ID, {
  path: ['CLOUDBOOK_OIDC_ISSUER'],
  message: 'set CLOUDBOOK_OIDC_ISSUER and CLOUDBOOK_OIDC_CLIENT_ID together (or neither, for no OIDC sign-in)',
})

export type Env = z.infer<typeof envSchema>

function parseEnv(): Env {
  const parsed = checkedEnvSchema.safeParse(process.env)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
  throw new Error(`Cloudbook's environment is invalid:\n${problems}`)
}

export const env = parseEnv()
