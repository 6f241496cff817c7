import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ReadingProgress } from '@/components/lesson/ReadingProgress'
import { ServiceStatusBadge } from '@/components/lesson/ServiceStatusBadge'
import { Toc } from '@/components/lesson/Toc'
import { MdxContent } from '@/components/mdx/MdxContent'
import { AccountPanel } from '@/components/account/AccountPanel'
import { CellsProvider } from '@/components/notebook/CellsProvider'
import { NotebookToolbar } from '@/components/notebook/NotebookToolbar'
import { Quiz } from '@/components/quiz/Quiz'
import { currentLearner } from '@/lib/auth/learner'
import { extractCells } from '@/lib/content/lesson-files'
import { getLesson, getLessonFile, listLessons } from '@/lib/content/lessons'
import { learnerQuizView } from '@/lib/content/option-ids'
import { optionIdScope } from '@/lib/content/option-secret'
import { prerequisiteChain } from '@/lib/content/paths'
import { prerequisiteGraph } from '@/lib/content/prerequisite-graph'
import { PrerequisiteGraph } from '@/components/lesson/PrerequisiteGraph'
import { labsForSection } from '@/lib/labs/lab-files'
import { cellDrafts } from '@/lib/progress/cells'
import { lastQuizAttempt } from '@/lib/progress/quiz'

type Props = { params: Promise<{ section: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const file = getLessonFile((await params).section)
  return file ? { title: file.frontmatter.title, description: file.frontmatter.summary } : {}
}

export default async function LessonPage({ params }: Props) {
  const { section } = await params
  const lesson = await getLesson(section)
  const file = getLessonFile(section)
  if (!lesson || !file) notFound()
  const learner = await currentLearner()
  // options are shuffled per learner and sent under opaque ids, so neither position nor id gives the answer away;
  // the quiz route maps the ids back before grading
  const { quiz, lastAttempt } = learnerQuizView(
    lesson.quiz,
    await lastQuizAttempt(learner.id, section, file.quiz),
    optionIdScope(learner.id, section),
  )
  const drafts = await cellDrafts(learner.id, section)
  const hasCells = extractCells(file.body).length > 0
  const labs = labsForSection(section)
  const titles = new Map(listLessons().map((l) => [l.section, l.title]))
  const related = lesson.meta.related.filter((id) => titles.has(id))
  // the whole chain, not just the direct prerequisites: a learner new to AWS needs to see where to begin
  const prerequisitesOf = (id: string) =>
    id === section ? lesson.meta.prerequisites : titles.has(id) ? getLessonFile(id)?.frontmatter.prerequisites : undefined
  const prerequisites = prerequisiteChain(section, prerequisitesOf)

  return (
    <div className="lesson-layout">
      <ReadingProgress section={section} />
      <article>
        <header className="lesson-header">
          <p className="eyebrow">
            {lesson.partTitle} · {lesson.meta.minutes} min
          </p>
          <h1>{lesson.meta.title}</h1>
          <p className="summary">{lesson.meta.summary}</p>
          {lesson.meta.status && <ServiceStatusBadge status={lesson.meta.status} variant="header" />}
          {prerequisites.length > 0 && (
            <p className="muted">
              Reading first helps, in this order:{' '}
              {prerequisites.map((id, i) => (
                <span key={id}>
                  {i > 0 && ' → '}
                  <Link href={`/lessons/${id}`}>{titles.get(id)}</Link>
                </span>
              ))}
            </p>
          )}
          {prerequisites.length >= 2 && (
            <details className="muted">
              <summary>Prerequisites as a graph ({prerequisites.length} lessons)</summary>
              <PrerequisiteGraph
                section={section}
                graph={prerequisiteGraph(section, prerequisites, prerequisitesOf)}
                titles={titles}
              />
            </details>
          )}
        </header>
        <CellsProvider section={section} drafts={drafts}>
          {hasCells && <NotebookToolbar />}
          <MdxContent code={lesson.code} />
          {hasCells && <AccountPanel />}
        </CellsProvider>
        {labs.length > 0 && (
          <section aria-labelledby="labs-heading">
            <h2 id="labs-heading">Hands-on lab</h2>
            <ul className="card-list">
              {labs.map((lab) => (
                <li key={lab.id} className="card">
                  <Link href={`/labs/${lab.id}`}>{lab.title}</Link>
                  <p>
                    {lab.summary} ({lab.minutes} min)
                  </p>
                </li>
              ))}
            </ul>
          </section>
        )}
        <Quiz section={section} quiz={quiz} lastAttempt={lastAttempt} />
        {related.length > 0 && (
          <nav className="related" aria-labelledby="related-heading">
            <h2 id="related-heading">Related lessons</h2>
            <ul>
              {related.map((id) => (
                <li key={id}>
                  <Link href={`/lessons/${id}`}>{titles.get(id)}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <nav className="lesson-nav" aria-label="Lessons">
          {lesson.previous ? <Link href={`/lessons/${lesson.previous.section}`}>← {lesson.previous.title}</Link> : <span />}
          {lesson.next ? <Link href={`/lessons/${lesson.next.section}`}>{lesson.next.title} →</Link> : <span />}
        </nav>
      </article>
      <Toc entries={lesson.toc} />
    </div>
  )
}
