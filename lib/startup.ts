import 'server-only'
import { precompileLessons } from './content/lessons'
import { getEnvironments } from './environments'

/**
 * Server start-up: compile every lesson before serving (a broken lesson names its file and line here, not on a
 * learner's screen) and start the runner's warm sandbox processes. Progress is one updating line on a terminal,
 * a line per quarter in logs.
 */
export async function startServer() {
  void getEnvironments()
    .then(({ runner }) => runner.prewarm())
    .catch((error: unknown) => console.error('[cloudbook] learner environments are unavailable:', error))
  const started = Date.now()
  const tty = process.stdout.isTTY
  let shownQuarter = -1
  await precompileLessons((done, total) => {
    if (tty) {
      process.stdout.write(`\r[cloudbook] compiling lessons ${done}/${total}`)
      return
    }
    const quarter = Math.floor((done / total) * 4)
    if (quarter > shownQuarter) {
      shownQuarter = quarter
      console.log(`[cloudbook] compiling lessons ${done}/${total}`)
    }
  })
  const summary = `compiled all lessons in ${((Date.now() - started) / 1000).toFixed(1)} s`
  if (tty) process.stdout.write(` — ${summary}\n`)
  else console.log(`[cloudbook] ${summary}`)
}
