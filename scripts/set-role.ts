// npm run admin:create -- <email>            makes <email> an admin (creating the account if needed)
// npm run user:role -- <email> <role>         sets learner | instructor | admin
// Runs against DATABASE_URL (default: the embedded SQLite file); apply migrations first (npm run db:migrate).
import { z } from 'zod'
import { ensureAccountWithRole } from '../lib/admin/users'
import { roleSchema } from '../lib/auth/roles'
import { db } from '../lib/db/client'

const [email, roleArg] = process.argv.slice(2)
const parsedEmail = z.email().safeParse(email)
// admin:create defaults to admin; user:role must name the role
const parsedRole = roleSchema.safeParse(
  roleArg ?? (process.env.npm_lifecycle_event === 'user:role' ? undefined : 'admin'),
)
if (!parsedEmail.success || !parsedRole.success) {
  console.error('usage: npm run admin:create -- <email>   or   npm run user:role -- <email> learner|instructor|admin')
  process.exit(2)
}
const result = await ensureAccountWithRole(parsedEmail.data, parsedRole.data)
if (result.created) {
  console.log(`Created ${parsedEmail.data} as ${parsedRole.data}. One-time password: ${result.password}`)
  console.log('Sign in at /login and change it at /account.')
} else {
  console.log(`${parsedEmail.data} is now ${parsedRole.data}.`)
}
await db.$disconnect()
