/**
 * Where "Continue" on the course home points: the lesson the learner was last in, unless they finished it — then
 * the next lesson in course order that is not complete yet.
 */
export function continueTarget<L extends { section: string }>(
  lessons: readonly L[],
  isComplete: (section: string) => boolean,
  lastSection: string | undefined,
): { lesson: L; finished?: L } | undefined {
  const last = lessons.find((l) => l.section === lastSection)
  if (!last) return undefined
  if (!isComplete(last.section)) return { lesson: last }
  const next = lessons.slice(lessons.indexOf(last) + 1).find((l) => !isComplete(l.section))
  return next ? { lesson: next, finished: last } : undefined
}
