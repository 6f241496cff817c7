import { z } from 'zod'

/** Outline section ids are kebab-case; lessons, links and quizzes all refer to them. */
export const sectionId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'section ids are kebab-case')
  .describe('An id from shared/course-outline.json')

/**
 * YAML turns an unquoted 2025-11-07 into a Date; accept both spellings so authors need not remember to quote, and keep
 * the value as the plain YYYY-MM-DD string the pages print.
 */
const isoDay = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD'),
)

/** Lifecycle of the service a lesson teaches, shown as a badge on the course card and the lesson header. */
export const serviceStateSchema = z.enum(['closed-to-new-customers', 'closing', 'closed'])
export type ServiceState = z.infer<typeof serviceStateSchema>

export const serviceStatusSchema = z
  .object({
    state: serviceStateSchema.describe(
      'closed-to-new-customers: existing accounts keep using it, no end date; closing: an end-of-support date is announced; closed: support has ended',
    ),
    since: isoDay.optional().describe('When the current state began (YYYY-MM-DD), e.g. the day new sign-ups stopped'),
    endOfSupport: isoDay.optional().describe('Announced or past end-of-support day (YYYY-MM-DD)'),
    note: z.string().min(20).max(240).describe('One plain-text sentence: what changed and what to use instead'),
  })
  .strict()
  .superRefine((status, ctx) => {
    // a closing or closed service is defined by its end-of-support day; without it the badge cannot say when
    if (status.state !== 'closed-to-new-customers' && !status.endOfSupport) {
      ctx.addIssue({ code: 'custom', message: `status "${status.state}" needs an endOfSupport date` })
    }
  })

export type ServiceStatus = z.infer<typeof serviceStatusSchema>

export const lessonFrontmatterSchema = z
  .object({
    section: sectionId.describe('The outline section this lesson teaches; exactly one lesson per id'),
    title: z.string().min(3).describe('Page title, normally the outline title'),
    part: sectionId.describe('The outline part id the section belongs to'),
    order: z.number().int().positive().describe('1-based position of the section within its part, as in the outline'),
    summary: z.string().min(20).max(200).describe('One sentence shown in the course index and search results'),
    minutes: z.number().int().min(2).max(90).describe('Estimated reading and practice time in minutes'),
    prerequisites: z.array(sectionId).default([]).describe('Sections worth reading first'),
    related: z.array(sectionId).default([]).describe('Neighbouring sections linked at the end of the lesson'),
    keywords: z
      .array(z.string().min(2))
      .default([])
      .describe('Extra search terms: acronyms, old names, API names (e.g. "ALB", "DLQ")'),
    status: serviceStatusSchema
      .optional()
      .describe('Only for services that are closed to new customers, being retired or retired; see docs/authoring.md'),
  })
  .strict()

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>

/**
 * A scenario prompt sets up a situation before it asks: at least one full sentence (ending in "." or ":") ahead of
 * the final question, and enough words to describe a team, a symptom or a goal. Recall prompts ("What is the maximum
 * X?") fail this shape, so marking one as a scenario is caught at validation rather than by a reviewer.
 */
export const SCENARIO_MIN_PROMPT_CHARS = 80

export function isScenarioPrompt(prompt: string): boolean {
  const text = prompt.trim()
  if (text.length < SCENARIO_MIN_PROMPT_CHARS) return false
  const lastSentenceEnd = Math.max(text.lastIndexOf('. '), text.lastIndexOf(': '))
  // the setup must come first and the prompt must still end by asking something
  return lastSentenceEnd > 20 && /[?.]$/.test(text) && lastSentenceEnd < text.length - 4
}

const optionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe('Stable option id, stored with submissions'),
    text: z.string().min(1).describe('Option text (plain text, no markdown)'),
  })
  .strict()

export const quizQuestionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe('Stable question id, unique within the quiz'),
    type: z
      .enum(['single', 'multiple', 'true-false'])
      .describe('single: exactly one correct; multiple: one or more correct, learner ticks all; true-false'),
    kind: z
      .enum(['recall', 'scenario'])
      .optional()
      .describe(
        'Missing means recall. scenario: the prompt describes a situation (who, what they see or need) and asks what to do or why; see docs/authoring.md',
      ),
    prompt: z.string().min(10).describe('The question'),
    options: z
      .array(optionSchema)
      .min(2)
      .max(6)
      .describe(
        'Answer options; learners see them shuffled (true-false stays True, False), so ids, not positions, matter',
      ),
    correct: z.array(z.string()).min(1).describe('Ids of the correct options'),
    explanation: z.string().min(20).describe('Why the correct answer is right and the distractors are wrong'),
  })
  .strict()
  .superRefine((q, ctx) => {
    const ids = new Set(q.options.map((o) => o.id))
    if (ids.size !== q.options.length) ctx.addIssue({ code: 'custom', message: `${q.id}: duplicate option ids` })
    for (const c of q.correct) {
      if (!ids.has(c)) ctx.addIssue({ code: 'custom', message: `${q.id}: correct id "${c}" is not an option` })
    }
    if (q.type === 'single' && q.correct.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `${q.id}: single-choice questions have exactly one correct option` })
    }
    if (q.kind === 'scenario' && !isScenarioPrompt(q.prompt)) {
      ctx.addIssue({
        code: 'custom',
        message: `${q.id}: a scenario prompt describes a situation in at least one sentence before it asks (${SCENARIO_MIN_PROMPT_CHARS}+ characters)`,
      })
    }
    if (q.type === 'true-false') {
      const tf = [...ids].sort().join(',')
      if (tf !== 'false,true' || q.correct.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: `${q.id}: true-false questions have options "true" and "false", one correct`,
        })
      }
    }
  })

export const quizSchema = z
  .object({
    questions: z.array(quizQuestionSchema).min(4).describe('At least four questions drawn from the lesson'),
  })
  .strict()
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>()
    for (const q of quiz.questions) {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', message: `duplicate question id ${q.id}` })
      seen.add(q.id)
    }
  })

export type Quiz = z.infer<typeof quizSchema>
export type QuizQuestion = z.infer<typeof quizQuestionSchema>
