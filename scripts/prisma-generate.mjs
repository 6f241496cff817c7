// Writes prisma/postgres/schema.prisma from prisma/schema.prisma, then generates both Prisma clients.
// `prisma generate` wants a schema-engine binary path although it never runs it, and offline it would try to
// download one; any existing file satisfies it (see DEVELOPERS.md).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const sqlite = readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8')

export function postgresSchemaFrom(source) {
  return source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/db/generated/sqlite"', 'output       = "../../lib/db/generated/postgres"')
    .replace(
      /^\/\/ SQLite is the embedded default[^\n]*\n[^\n]*\n/m,
      '// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs — edit that file instead.\n',
    )
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  writeFileSync(path.join(root, 'prisma', 'postgres', 'schema.prisma'), postgresSchemaFrom(sqlite))
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  }
  for (const schema of ['prisma/schema.prisma', 'prisma/postgres/schema.prisma']) {
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate', '--schema', schema],
      {
        cwd: root,
        env,
        stdio: 'inherit',
      },
    )
    if (result.status !== 0) process.exit(result.status ?? 1)
  }
}
