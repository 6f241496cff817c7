import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ContentError } from './lesson-files'

const MAX_FILES = 64
const MAX_FILE_BYTES = 256 * 1024
const MAX_TOTAL_BYTES = 1024 * 1024
const ALLOWED = /\.(js|mjs|json|txt|csv|md|xml|yaml|yml|html)$/

const cache = new Map<string, Record<string, string>>()

/** Files every lesson's and lab's cells get: the helper modules AWS's own examples import by package name. */
export const sharedCellFilesDir = path.join(process.cwd(), 'lessons', '_shared')

/**
 * The files a lesson or lab ships with its cells (its `files/` folder, plus the course-wide lessons/_shared/files):
 * helpers such as libs/snsClient.js that AWS's own examples import, the examples' own utility package under
 * node_modules/, and sample data for node:fs and JSON imports. Read once per process; written into the run's
 * folder at the same relative paths.
 */
export function cellFiles(dir: string): Record<string, string> {
  const cached = cache.get(dir)
  if (cached && process.env.NODE_ENV === 'production') return cached
  // the course-wide files first: a lesson's own file of the same path wins
  const files = dir === sharedCellFilesDir ? {} : { ...cellFiles(sharedCellFilesDir) }
  Object.assign(files, readFilesOf(dir))
  cache.set(dir, files)
  return files
}

function readFilesOf(dir: string): Record<string, string> {
  const root = path.join(dir, 'files')
  const files: Record<string, string> = {}
  if (existsSync(root)) {
    let total = 0
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(folder, entry.name)
        if (entry.isDirectory()) {
          walk(full)
          continue
        }
        const relative = path.relative(root, full).split(path.sep).join('/')
        if (!ALLOWED.test(entry.name)) throw new ContentError(full, 'cell files must be text (.js, .mjs, .json, .txt, .csv…)')
        const size = statSync(full).size
        total += size
        if (size > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES || Object.keys(files).length >= MAX_FILES)
          throw new ContentError(full, 'cell files are limited to 64 files, 256 KB each, 1 MB in all')
        files[relative] = readFileSync(full, 'utf8')
      }
    }
    walk(root)
  }
  return files
}
