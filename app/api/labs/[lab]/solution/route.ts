import { refuseCrossOrigin } from '@/lib/auth/guard'
import { currentLearner, findCurrentLearner } from '@/lib/auth/learner'
import { revealedSolution, revealSolution } from '@/lib/labs/assistance'
import { listLabIds } from '@/lib/labs/lab-files'

/** GET → the reference solution, only once the learner's reveal is recorded (403 before). */
export async function GET(_request: Request, { params }: { params: Promise<{ lab: string }> }) {
  const { lab } = await params
  if (!listLabIds().includes(lab)) return Response.json({ error: `No lab "${lab}"` }, { status: 404 })
  const learner = await findCurrentLearner()
  const solution = learner ? await revealedSolution(learner.id, lab) : null
  if (solution === null)
    return Response.json(
      { error: 'The solution opens after a few checks, or when you ask for it with "Show me the solution".' },
      { status: 403 },
    )
  return Response.json({ solution })
}

/** POST → "show me": records the reveal (instructors see it) and answers with the solution. */
export async function POST(request: Request, { params }: { params: Promise<{ lab: string }> }) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const { lab } = await params
  if (!listLabIds().includes(lab)) return Response.json({ error: `No lab "${lab}"` }, { status: 404 })
  const learner = await currentLearner()
  return Response.json({ solution: await revealSolution(learner.id, lab) })
}
