/**
 * The `@aws-sdk/*` packages a piece of learner code imports statically: the editor loads their types, the page
 * warms their services in the learner's emulator (lib/environments/warm-services.ts), and the server-side editor
 * check loads the same types. Runs in the browser too: no Node imports here.
 */
export function sdkPackagesIn(code: string): string[] {
  const found = new Set<string>()
  for (const match of code.matchAll(/\bfrom\s*["'](@aws-sdk\/[a-z0-9-]+)["']/g)) if (match[1]) found.add(match[1])
  return [...found]
}

/** The service clients among them (`@aws-sdk/client-*`). */
export function clientPackagesIn(code: string): string[] {
  return sdkPackagesIn(code).filter((pkg) => pkg.startsWith('@aws-sdk/client-'))
}
