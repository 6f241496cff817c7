import { defineConfig } from 'prisma/config'

// Used by the Prisma CLI when it is online (`prisma migrate deploy`, `prisma studio`). Offline, Cloudbook
// migrates through scripts/db-migrate.mjs with the same migrations folders.
const postgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '')

export default defineConfig({
  schema: postgres ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: postgres ? 'prisma/postgres/migrations' : 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./.cloudbook/cloudbook.db' },
})
