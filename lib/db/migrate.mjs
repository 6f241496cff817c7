// Offline migrations: Prisma's schema engine compiled to WebAssembly, driving our own driver adapter, applies
// the same Prisma-format migrations folders that `prisma migrate deploy` uses online (docs/decisions/0002).
// Plain ESM so that the start script and test setup can use it without a TypeScript toolchain.
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')

let loaded
/** The package targets bundlers (`import x from './x.wasm'`); Node needs the module instantiated by hand. */
async function loadSchemaEngine() {
  loaded ??= (async () => {
    const wasmPath = path.join(ROOT, 'node_modules', '@prisma', 'schema-engine-wasm', 'schema_engine_bg.wasm')
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': glue })
    glue.__wbg_set_wasm(instance.exports)
    instance.exports.__wbindgen_start()
    return glue.SchemaEngine
  })()
  return loaded
}

export const isPostgresUrl = (url) => /^postgres(ql)?:/.test(url)

export function providerPaths(url) {
  const dir = isPostgresUrl(url) ? path.join(ROOT, 'prisma', 'postgres') : path.join(ROOT, 'prisma')
  return { schema: path.join(dir, 'schema.prisma'), migrations: path.join(dir, 'migrations') }
}

/** Same shape as the Prisma CLI's reader: every sub-folder with its migration.sql, sorted by name. */
export async function readMigrations(baseDir) {
  const lockContent = await readFile(path.join(baseDir, 'migration_lock.toml'), 'utf8').catch(() => null)
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => [])
  const migrationDirectories = []
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const content = await readFile(path.join(baseDir, entry.name, 'migration.sql'), 'utf8')
      .then((value) => ({ tag: 'ok', value }))
      .catch((error) => ({ tag: 'error', value: error.message }))
    migrationDirectories.push({ path: entry.name, migrationFile: { path: 'migration.sql', content } })
  }
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    migrationDirectories,
    shadowDbInitScript: '',
  }
}

export async function adapterFactoryFor(url) {
  if (isPostgresUrl(url)) {
    const { PrismaPg } = await import('@prisma/adapter-pg')
    return new PrismaPg({ connectionString: url })
  }
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3')
  return new PrismaBetterSqlite3({ url })
}

/**
 * The engine connects through the factory but never closes what it opened (engine.free() does not), and an
 * open pool keeps PostgreSQL from using the database as a template; so track the connections and dispose them.
 */
function trackConnections(factory) {
  const opened = []
  const track = async (connection) => {
    opened.push(connection)
    return connection
  }
  const tracked = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect().then(track),
    connectToShadowDb: () => factory.connectToShadowDb().then(track),
  }
  return { tracked, closeAll: () => Promise.all(opened.map((c) => c.dispose())) }
}

export async function openEngine(url) {
  const { schema } = providerPaths(url)
  const content = await readFile(schema, 'utf8')
  const { tracked, closeAll } = trackConnections(await adapterFactoryFor(url))
  const SchemaEngine = await loadSchemaEngine()
  const engine = await SchemaEngine.new(
    { datamodels: [[schema, content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  )
  const close = async () => {
    engine.free()
    await closeAll()
  }
  return { engine, close, schema: { path: schema, content } }
}

const NO_FILTER = { externalTables: [], externalEnums: [] }

/** Applies every migration not yet applied; returns the names it applied. */
export async function migrate(url) {
  const { engine, close } = await openEngine(url)
  try {
    const migrationsList = await readMigrations(providerPaths(url).migrations)
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER })
    return appliedMigrationNames
  } finally {
    await close()
  }
}

/** Runs the engine's diff as a SQL script; `targets(schema)` picks from/to given the provider's schema file. */
async function diffScript(url, targets) {
  const { engine, close, schema } = await openEngine(url)
  try {
    const { stdout } = await engine.diff({ ...targets(schema), script: true, exitCode: null, filters: NO_FILTER })
    return stdout ?? ''
  } finally {
    await close()
  }
}

/**
 * SQL that takes a database migrated with the migrations folder to the current schema ('' or a comment when
 * they agree). `scratchUrl` must point at an empty database: the migrations are applied to it first.
 */
export async function pendingSchemaChange(scratchUrl) {
  await migrate(scratchUrl)
  return diffScript(scratchUrl, (schema) => ({
    from: { tag: 'schemaDatasource', files: [schema], configDir: ROOT },
    to: { tag: 'schemaDatamodel', files: [schema] },
  }))
}

/** SQL that creates the whole schema in an empty database. */
export function initialMigration(url) {
  return diffScript(url, (schema) => ({ from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', files: [schema] } }))
}

/** SQL from one schema text to another, without a database (works for PostgreSQL offline too). */
export function diffSchemas(url, fromContent, toContent) {
  return diffScript(url, (schema) => ({
    from: { tag: 'schemaDatamodel', files: [{ path: schema.path, content: fromContent }] },
    to: { tag: 'schemaDatamodel', files: [{ path: schema.path, content: toContent }] },
  }))
}

/** True when a diff script has no statements (the engine returns a comment for an empty migration). */
export const isEmptyMigration = (sql) => sql.split('\n').every((line) => !line.trim() || line.trim().startsWith('--'))
