// npm run seed:demo -- <instructor-email> [learners]   builds a demo class with realistic activity (default 30)
import { z } from 'zod'
import { db } from '../lib/db/client'
import { seedDemoClass } from '../lib/instructor/demo-seed'

const args = z
  .tuple([z.email(), z.coerce.number().int().min(1).max(1000).default(30)])
  .safeParse([process.argv[2], process.argv[3] ?? 30])
if (!args.success) {
  console.error('usage: npm run seed:demo -- <instructor-email> [number of learners, default 30]')
  process.exit(2)
}
const [email, learners] = args.data
const seeded = await seedDemoClass(email, learners)
console.log(
  `Demo class with ${learners} learners: /instructor/classes/${seeded.classId} (join code ${seeded.joinCode})`,
)
if (seeded.password) console.log(`Created instructor ${email}. One-time password: ${seeded.password}`)
await db.$disconnect()
