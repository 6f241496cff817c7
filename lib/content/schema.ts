import { z } from 'zod'

/** Outline section ids are kebab-case; lessons, links and quizzes all refer to them. */
export const sectionId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'section ids are kebab-case')
  .describe('An id from shared/course-outline.json')

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
  })
  .strict()

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>

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
    prompt: z.string().min(10).describe('The question'),
    options: z.array(optionSchema).min(2).max(6).describe('Answer options, shown in this order'),
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
