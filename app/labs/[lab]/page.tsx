import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { LabWorkbench } from '@/components/labs/LabWorkbench'
import { MdxContent } from '@/components/mdx/MdxContent'
import { currentLearner } from '@/lib/auth/learner'
import { compileMdx } from '@/lib/content/compile'
import { getLessonFile } from '@/lib/content/lessons'
import { listLabIds, readLab } from '@/lib/labs/lab-files'
import { getDraft, latestAttempt } from '@/lib/progress/labs'

type Props = { params: Promise<{ lab: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lab } = await params
  return listLabIds().includes(lab) ? { title: readLab(lab).meta.title } : {}
}

export default async function LabPage({ params }: Props) {
  const { lab: labId } = await params
  if (!listLabIds().includes(labId)) notFound()
  const lab = readLab(labId)
  const learner = await currentLearner()
  const [code, draft, attempt] = await Promise.all([
    compileMdx(lab.instructionsFile, lab.instructions),
    getDraft(learner.id, labId),
    latestAttempt(learner.id, labId),
  ])
  const lesson = getLessonFile(lab.meta.section)
  return (
    <>
      <header className="lesson-header">
        <p className="eyebrow">
          Lab · {lab.meta.minutes} min
          {lesson && (
            <>
              {' · '}
              <Link href={`/lessons/${lesson.section}`}>{lesson.frontmatter.title}</Link>
            </>
          )}
        </p>
        <h1>{lab.meta.title}</h1>
      </header>
      <div className="lab-layout">
        <MdxContent code={code} />
        <LabWorkbench labId={labId} starter={lab.starter} initialCode={draft ?? lab.starter} lastResult={attempt} />
      </div>
    </>
  )
}
