/** Data for the class charts, from aggregates the database computed (lib/instructor/class-overview.ts). Pure. */

/** Per lesson and score decile: learners whose best quiz score falls in it, and how many of them passed. */
export type QuizBucketRow = { section: string; bucket: number; learners: number; completed: number }
export type StartedRow = { section: string; learners: number }

export type LessonBar = { section: string; title: string; started: number; quizTaken: number; completed: number }
export type ScoreBin = { label: string; from: number; learners: number }

export function lessonBars(
  lessons: { section: string; title: string }[],
  started: StartedRow[],
  quiz: QuizBucketRow[],
): LessonBar[] {
  const startedBy = new Map(started.map((s) => [s.section, s.learners]))
  const taken = new Map<string, number>()
  const completed = new Map<string, number>()
  for (const row of quiz) {
    taken.set(row.section, (taken.get(row.section) ?? 0) + row.learners)
    completed.set(row.section, (completed.get(row.section) ?? 0) + row.completed)
  }
  return lessons.map(({ section, title }) => {
    const quizTaken = taken.get(section) ?? 0
    // taking the quiz starts a lesson too, even for someone who never scrolled it
    return {
      section,
      title,
      started: Math.max(startedBy.get(section) ?? 0, quizTaken),
      quizTaken,
      completed: completed.get(section) ?? 0,
    }
  })
}

/** Best quiz scores (one per learner and lesson taken) in ten bins of 10 %; 100 % goes with 90–100 %. */
export function scoreHistogram(quiz: QuizBucketRow[], sections?: Set<string>): ScoreBin[] {
  const bins = Array.from({ length: 10 }, (_, i) => ({
    label: i === 9 ? '90–100 %' : `${i * 10}–${i * 10 + 9} %`,
    from: i * 10,
    learners: 0,
  }))
  for (const row of quiz) {
    if (sections && !sections.has(row.section)) continue
    const bin = bins[Math.min(9, Math.max(0, row.bucket))]
    if (bin) bin.learners += row.learners
  }
  return bins
}
