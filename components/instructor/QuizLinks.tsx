import Link from 'next/link'
import type { ClassProgress } from '@/lib/instructor/class-progress'
import { cellFor } from '@/lib/instructor/grid'

/** Item analysis links for the lessons whose quiz someone in the class has taken. */
export function QuizLinks({ progress }: { progress: ClassProgress }) {
  const taken = progress.lessons.filter((lesson) =>
    progress.roster.some((r) => cellFor(progress.grid, r.learnerId, lesson.section).quizAttempts > 0),
  )
  if (taken.length === 0) return null
  return (
    <p data-testid="quiz-links">
      Quiz item analysis:{' '}
      {taken.map((lesson, i) => (
        <span key={lesson.section}>
          {i > 0 && ' · '}
          <Link href={`/instructor/classes/${progress.classId}/quiz/${lesson.section}`}>{lesson.title}</Link>
        </span>
      ))}
    </p>
  )
}
