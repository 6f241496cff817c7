import { refuseCrossOrigin } from '@/lib/auth/guard'
import { z } from 'zod'
import { currentLearner } from '@/lib/auth/learner'
import { getLessonFile } from '@/lib/content/lessons'
import { recordVisit } from '@/lib/progress/lessons'
import { parseBody } from '@/lib/runner/request'

const visit = z.object({ section: z.string().max(100), readPercent: z.number().min(0).max(100) })

/** POST { section, readPercent } — sent by the lesson page as the learner reads (also via sendBeacon). */
export async function POST(request: Request) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const body = await parseBody(request, visit)
  if ('error' in body) return body.error
  if (!getLessonFile(body.data.section)) return Response.json({ error: 'unknown lesson' }, { status: 404 })
  const learner = await currentLearner()
  await recordVisit(learner.id, body.data.section, body.data.readPercent)
  return new Response(null, { status: 204 })
}
