import { z } from 'zod'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** An LMS endpoint: https, except on this machine (a local Moodle while trying things out, the test fixture). */
const endpoint = (label: string) =>
  z
    .url({ error: `${label} must be a full URL, e.g. https://lms.school.example/…` })
    .max(500)
    .refine((value) => {
      const url = new URL(value)
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))
    }, `${label} must use https (http only for localhost)`)

/** What an admin types on /admin/lti to register an LMS (the values come from the LMS's tool registration). */
export const platformInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the platform a name, e.g. "School Moodle".').max(80),
  issuer: endpoint('Issuer (iss)'),
  clientId: z.string().trim().min(1, 'Enter the client id the LMS gave Cloudbook.').max(255),
  authLoginUrl: endpoint('Authentication request URL'),
  tokenUrl: endpoint('Access token URL'),
  jwksUrl: endpoint('Public keyset URL'),
  deploymentIds: z
    .string()
    .transform((value) =>
      value
        .split(/[\s,]+/)
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(255))
        .min(1, 'Enter at least one deployment id (several: separate them with commas).')
        .max(50),
    ),
})
export type PlatformInput = z.infer<typeof platformInputSchema>

export const deploymentIdsSchema = z.array(z.string())
