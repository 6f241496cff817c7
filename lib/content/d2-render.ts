import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../data-dir'
import type { CompileOptions, D2 } from '@terrastruct/d2'

/**
 * D2 (text → SVG) through its official WASM build: no browser, no network, same output on every machine.
 * One engine per process, loaded on first use (the WASM is ~22 MB), and one request at a time because the
 * D2 wrapper keeps a single pending promise per worker — two overlapping calls would get each other's answers.
 */

/** Light = D2 "Neutral default" (0), dark = "Dark Mauve" (200), both re-tinted towards the site palette. */
const LIGHT_THEME = 0
const DARK_THEME = 200

/**
 * Appended (not prepended) to every diagram so D2's line numbers stay the author's. N7 is the canvas, N1 text,
 * B1/B2 strokes and arrows, B3–B6 container fills: matched to the --bg/--fg/--accent values in app/globals.css.
 */
const THEME_CONFIG = `
vars: {
  d2-config: {
    theme-overrides: { N1: "#1b1f24"; N2: "#57606a"; N7: "#ffffff"; B1: "#0b66d6"; B2: "#0b66d6" }
    dark-theme-overrides: {
      N1: "#e6edf3"; N2: "#9198a1"; N3: "#6e7681"; N4: "#30363d"; N5: "#21262d"; N6: "#161b22"; N7: "#0f1217"
      B1: "#58a6ff"; B2: "#58a6ff"; B3: "#1f3a5f"; B4: "#1a2f4d"; B5: "#15243a"; B6: "#111a28"
      AA2: "#d2a8ff"; AA4: "#2b2140"; AA5: "#1d1730"; AB4: "#132e23"; AB5: "#0f2119"
    }
  }
}
`

/** A diagram that takes longer than this is not going to finish: the worker is replaced rather than waited on. */
const CALL_TIMEOUT_MS = 60_000

let engine: Promise<D2> | undefined
let queue: Promise<unknown> = Promise.resolve()

function loadEngine(): Promise<D2> {
  // Ignored by the bundlers: the package finds its worker and .wasm next to its own file, so it must run from
  // node_modules as shipped, never from a bundled chunk.
  engine ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '@terrastruct/d2').then(async (mod) => {
    const d2 = new mod.D2()
    const ready: unknown = Reflect.get(d2, 'ready')
    await ready
    callWorker(d2, 'unref')
    return d2
  })
  // A failed start is not cached: the next diagram tries again.
  engine.catch(() => (engine = undefined))
  return engine
}

/** The wrapper's typed API hides its worker thread; reach it only to (un)ref or stop it, and only if it is there. */
function callWorker(d2: D2, method: 'ref' | 'unref' | 'terminate') {
  const worker: unknown = Reflect.get(d2, 'worker')
  if (!worker || typeof worker !== 'object') return
  const fn: unknown = Reflect.get(worker, method)
  if (typeof fn === 'function') fn.call(worker)
}

/** Runs one engine call at a time; the worker is ref'd only while busy so an idle engine never keeps Node alive. */
function exclusive<T>(fn: (d2: D2) => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const d2 = await loadEngine()
    callWorker(d2, 'ref')
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // The wrapper never settles a call whose worker died or hung; start a fresh engine for the next one.
        callWorker(d2, 'terminate')
        engine = undefined
        reject(new Error(`D2 did not answer within ${CALL_TIMEOUT_MS / 1000} s`))
      }, CALL_TIMEOUT_MS)
    })
    try {
      return await Promise.race([fn(d2), timeout])
    } finally {
      clearTimeout(timer)
      callWorker(d2, 'unref')
    }
  })
  queue = run.catch(() => undefined)
  return run
}

export class D2Error extends Error {
  constructor(
    message: string,
    /** 1-based line inside the diagram source, when D2 names one. */
    readonly line: number | undefined,
  ) {
    super(message)
  }
}

const CACHE_DIR = dataDir(process.cwd(), 'diagram-cache')
const D2_VERSION = '0.1.33'

/** Renders D2 source to an SVG string with both themes embedded; `salt` keeps ids unique on a page. */
export async function renderD2(source: string, salt: string): Promise<string> {
  const options: CompileOptions = {
    themeID: LIGHT_THEME,
    darkThemeID: DARK_THEME,
    pad: 16,
    noXMLTag: true,
    salt,
    layout: 'elk',
  }
  // Rendering costs ~0.4 s of CPU per diagram; the same source always gives the same SVG, so it is kept on disk
  // and server starts, builds and test workers after the first render each diagram in a millisecond.
  const cacheFile = path.join(
    CACHE_DIR,
    `${createHash('sha256')
      .update(JSON.stringify([D2_VERSION, options, source, THEME_CONFIG]))
      .digest('hex')}.svg`,
  )
  try {
    return readFileSync(cacheFile, 'utf8')
  } catch {
    // not rendered yet
  }
  try {
    const svg = await exclusive(async (d2) => {
      const compiled = await d2.compile({ fs: { index: `${source}\n${THEME_CONFIG}` }, options })
      return d2.render(compiled.diagram, { ...compiled.renderOptions, ...options })
    })
    try {
      mkdirSync(CACHE_DIR, { recursive: true })
      const temp = `${cacheFile}.${process.pid}.tmp`
      writeFileSync(temp, svg)
      renameSync(temp, cacheFile)
    } catch {
      // a read-only checkout still renders, only slower
    }
    return svg
  } catch (error) {
    const messages = d2Messages(error instanceof Error ? error.message : String(error))
    // Each D2 message reads "index:LINE:COL: text"; report the first line, and every text.
    const line = /^index:(\d+):\d+/.exec(messages[0] ?? '')?.[1]
    const text = messages.map((m) => m.replace(/^index:\d+:\d+:\s*/, '')).join('; ')
    throw new D2Error(text, line ? Number(line) : undefined)
  }
}

/** D2 compile errors arrive as a JSON list of { range, errmsg }; anything else is passed through. */
function d2Messages(message: string): string[] {
  try {
    const parsed: unknown = JSON.parse(message)
    if (!Array.isArray(parsed)) return [message]
    const texts = parsed.flatMap((item: unknown) =>
      item && typeof item === 'object' && 'errmsg' in item && typeof item.errmsg === 'string' ? [item.errmsg] : [],
    )
    return texts.length ? texts : [message]
  } catch {
    return [message]
  }
}
