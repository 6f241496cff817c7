import { listLabIds, readLab } from '@/lib/labs/lab-files'

/** GET → the reference solution, fetched only when the learner asks to compare. */
export async function GET(_request: Request, { params }: { params: Promise<{ lab: string }> }) {
  const { lab } = await params
  if (!listLabIds().includes(lab)) return Response.json({ error: `No lab "${lab}"` }, { status: 404 })
  return Response.json({ solution: readLab(lab).solution })
}
