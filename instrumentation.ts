/** Next calls this once per server process; the work lives in lib/startup.ts (Node runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/startup')
    await startServer()
  }
}
