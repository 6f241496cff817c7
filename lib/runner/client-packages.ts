/**
 * The `@aws-sdk/client-*` packages a piece of learner code imports statically, for warming the learner's emulator
 * when a page opens (lib/environments/warm-services.ts). Runs in the browser too: no Node imports here.
 */
export function clientPackagesIn(code: string): string[] {
  const found = new Set<string>()
  for (const match of code.matchAll(/\bfrom\s*["'](@aws-sdk\/client-[a-z0-9-]+)["']/g)) if (match[1]) found.add(match[1])
  return [...found]
}
