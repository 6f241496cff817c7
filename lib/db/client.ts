import 'server-only'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { env } from '../env'
import { PrismaClient as PostgresClient } from './generated/postgres/client'
import { PrismaClient as SqliteClient } from './generated/sqlite/client'
import { defaultDatabaseUrl } from './url.mjs'

export const databaseUrl = env.DATABASE_URL ?? defaultDatabaseUrl()
export const isPostgres = /^postgres(ql)?:/.test(databaseUrl)

/**
 * Both generated clients expose the same models; they differ only in provider-specific transaction options,
 * so the app uses this common part.
 */
export type Db = Pick<
  SqliteClient,
  | 'learner'
  | 'labDraft'
  | 'labAttempt'
  | 'labReveal'
  | 'codeRun'
  | 'cellDraft'
  | 'quizSubmission'
  | 'examSubmission'
  | 'lessonVisit'
  | 'user'
  | 'session'
  | 'account'
  | 'verification'
  | 'class'
  | 'classInstructor'
  | 'classMember'
  | 'reviewCard'
  | 'ltiPlatform'
  | 'ltiContext'
  | 'ltiResourceLink'
  | 'ltiLaunch'
  | 'ltiLaunchState'
  | 'ltiToolKey'
  | '$queryRaw'
  | '$connect'
  | '$disconnect'
>

/**
 * The PostgreSQL client has the same models, but TypeScript cannot relate two separately generated clients'
 * deep generics, so the shape is checked at run time instead of asserted.
 */
function hasCloudbookModels(client: unknown): client is Db {
  return (
    typeof client === 'object' &&
    client !== null &&
    [
      'learner',
      'labDraft',
      'labAttempt',
      'labReveal',
      'codeRun',
      'cellDraft',
      'quizSubmission',
      'examSubmission',
      'lessonVisit',
      'user',
      'session',
      'account',
      'verification',
      'class',
      'classInstructor',
      'classMember',
      'reviewCard',
      'ltiPlatform',
      'ltiContext',
      'ltiResourceLink',
      'ltiLaunch',
      'ltiLaunchState',
      'ltiToolKey',
    ].every((model) => model in client)
  )
}

function createClient(): Db {
  if (!isPostgres) return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl }) })
  const client: unknown = new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) })
  if (!hasCloudbookModels(client))
    throw new Error('the PostgreSQL Prisma client is out of date: run npm run db:generate')
  return client
}

declare global {
  var cloudbookDb: Db | undefined
}

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis there.
export const db: Db = globalThis.cloudbookDb ?? createClient()
if (process.env.NODE_ENV !== 'production') globalThis.cloudbookDb = db
