import Link from 'next/link'
import { HandsOnMarker } from '@/components/lesson/HandsOnMarker'
import { ServiceStatusBadge } from '@/components/lesson/ServiceStatusBadge'
import { LearningPaths } from '@/components/paths/LearningPaths'
import { findCurrentLearner } from '@/lib/auth/learner'
import { handsOnBySection } from '@/lib/content/hands-on'
import { listLessons } from '@/lib/content/lessons'
import { loadOutline } from '@/lib/content/outline'
import { loadPaths } from '@/lib/content/paths'
import { continueTarget } from '@/lib/progress/continue-target'
import { courseProgress, lastVisited, type LessonProgress } from '@/lib/progress/lessons'

export default async function CourseHome() {
  const lessons = listLessons()
  const handsOn = handsOnBySection()
  const { outline } = loadOutline()
  // a first visit creates no learner row: there is no progress to show yet
  const learner = await findCurrentLearner()
  const [progress, last] = learner
    ? await Promise.all([courseProgress(learner.id), lastVisited(learner.id)])
    : [new Map<string, LessonProgress>(), null]
  const target = continueTarget(lessons, (s) => progress.get(s)?.complete ?? false, last?.section)
  const continueLesson = target?.lesson
  const finished = target?.finished
  const totalMinutes = lessons.reduce((sum, l) => sum + l.minutes, 0)
  const completed = lessons.filter((l) => progress.get(l.section)?.complete).length
  const titles = new Map(lessons.map((l) => [l.section, l.title]))
  // a path step whose lesson is not written yet is left out rather than linking to a 404
  const paths = loadPaths().map((path) => ({
    ...path,
    lessons: path.sections.flatMap((section) => {
      const title = titles.get(section)
      return title ? [{ section, title, complete: progress.get(section)?.complete ?? false }] : []
    }),
  }))

  return (
    <>
      <h1>Learn AWS by doing</h1>
      <p className="muted">
        {lessons.length} lessons in {outline.parts.length} parts, about {Math.round(totalMinutes / 60)} hours. Every
        lesson explains one AWS service and lets you run real AWS SDK code against your own emulator account. You have
        completed {completed} of {lessons.length}.
      </p>
      {continueLesson && last && (
        <div className="continue-card" data-testid="continue">
          <strong>{finished ? 'Next up:' : 'Continue where you left off:'}</strong>{' '}
          <Link href={`/lessons/${continueLesson.section}`}>{continueLesson.title}</Link>{' '}
          <span className="muted">
            {finished ? `(you finished ${finished.title})` : `(${last.readPercent} % read)`}
          </span>
        </div>
      )}
      <LearningPaths paths={paths} />
      {outline.parts.map((part) => {
        const partLessons = lessons.filter((l) => l.part === part.id)
        if (!partLessons.length) return null
        const done = partLessons.filter((l) => progress.get(l.section)?.complete).length
        const minutes = partLessons.reduce((sum, l) => sum + l.minutes, 0)
        return (
          <section key={part.id} aria-labelledby={`part-${part.id}`} data-testid="part">
            <div className="part-summary">
              <h2 id={`part-${part.id}`}>{part.title}</h2>
              <span className="muted">
                {done} / {partLessons.length} complete · {minutes} min ·{' '}
                <Link href={`/parts/${part.id}/exam`} aria-label={`${part.title}: part exam`} data-testid="part-exam">
                  Part exam
                </Link>
              </span>
            </div>
            <div
              className="progress-bar"
              role="progressbar"
              aria-label={`${part.title} progress`}
              aria-valuemin={0}
              aria-valuemax={partLessons.length}
              aria-valuenow={done}
            >
              <div style={{ width: `${(done / partLessons.length) * 100}%` }} />
            </div>
            <ul className="card-list">
              {partLessons.map((lesson) => {
                const p = progress.get(lesson.section)
                return (
                  <li key={lesson.section} className="card" data-complete={p?.complete ? 'true' : 'false'}>
                    <Link href={`/lessons/${lesson.section}`}>
                      {p?.complete && <span aria-label="completed">✓ </span>}
                      {lesson.title}
                    </Link>
                    {lesson.status && <ServiceStatusBadge status={lesson.status} variant="card" />}
                    <HandsOnMarker handsOn={handsOn.get(lesson.section)} />
                    <p>{lesson.summary}</p>
                    <p className="status">
                      {lesson.minutes} min
                      {p && p.readPercent > 0 && ` · ${p.readPercent} % read`}
                      {p?.bestScore != null && ` · quiz ${p.bestScore}/${p.total}`}
                    </p>
                  </li>
                )
              })}
            </ul>
          </section>
        )
      })}
    </>
  )
}
