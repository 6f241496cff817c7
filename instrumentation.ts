/**
 * Runs once when the server starts: compile every lesson before serving (a broken lesson names its file and
 * line here, not on a learner's screen) and start the runner's warm sandbox processes.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { precompileLessons } = await import('./lib/content/lessons')
  const { getRunner } = await import('./lib/runner')
  getRunner().prewarm()
  const started = Date.now()
  let lastShown = 0
  await precompileLessons((done, total) => {
    if (done === total || Date.now() - lastShown > 1000) {
      lastShown = Date.now()
      process.stdout.write(`\r[cloudbook] compiling lessons ${done}/${total}`)
    }
  })
  process.stdout.write(` — done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}
