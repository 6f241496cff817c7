import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AccountPanel } from '@/components/account/AccountPanel'
import { LabHints } from '@/components/labs/LabHints'
import { LabWorkbench } from '@/components/labs/LabWorkbench'
import { MdxContent } from '@/components/mdx/MdxContent'
import { currentLearner } from '@/lib/auth/learner'
import { compileMdx } from '@/lib/content/compile'
import { getLessonFile } from '@/lib/content/lessons'
import { labAssistance } from '@/lib/labs/assistance'
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
  const [code, draft, attempt, assistance] = await Promise.all([
    compileMdx(lab.instructionsFile, lab.instructions),
    getDraft(learner.id, labId),
    latestAttempt(learner.id, labId),
    labAssistance(learner.id, labId),
  ])
  // only the unlocked hints are compiled and sent; the rest stay on the server
  const hints = await Promise.all(
    assistance.hints.map(async (hint, i) => ({ code: await compileMdx(`${lab.dir}/hints.md#${i + 1}`, hint) })),
  )
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
        <div>
          <MdxContent code={code} />
          <LabHints hints={hints} total={assistance.totalHints} failedChecks={assistance.failedChecks} />
          <AccountPanel />
        </div>
        <LabWorkbench
          labId={labId}
          initialCode={draft ?? lab.starter}
          lastResult={attempt}
          steps={lab.steps}
          solutionState={assistance.solution}
        />
      </div>
    </>
  )
}
