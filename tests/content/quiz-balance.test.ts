import { describe, expect, it } from 'vitest'
import { listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { isScenarioPrompt, quizQuestionSchema, type QuizQuestion } from '@/lib/content/schema'

/**
 * Quizzes must not be answerable without reading the lesson. Learners see options shuffled, but the authored order
 * still leaks wherever quiz.json is shown as written (reviews, exports, a broken shuffle), and length leaks regardless
 * of order; so the answer key is held to these limits across the whole course (docs/authoring.md, "Fair quizzes").
 */
const MAX_POSITION_SHARE = 0.35
const MAX_LONGEST_SHARE = 0.4
const MIN_SCENARIO_SHARE_PER_LESSON = 0.5

type LessonQuiz = { section: string; questions: QuizQuestion[] }

const percent = (share: number) => `${(share * 100).toFixed(1)} %`
const singleChoice = (questions: QuizQuestion[]) => questions.filter((q) => q.type === 'single')

/** 0-based position of the correct option of a single-choice question. */
function correctPosition(q: QuizQuestion): number {
  return q.options.findIndex((o) => o.id === q.correct[0])
}

/**
 * True when no option is longer than the correct one. A tie for longest still lets a test-wise learner narrow the
 * choice, so it counts; options that are all the same length (e.g. "256", "254", "251") give nothing away.
 */
function correctIsLongest(q: QuizQuestion): boolean {
  const lengths = q.options.map((o) => o.text.trim().length)
  const correct = lengths[correctPosition(q)] ?? -1
  const allSame = lengths.every((n) => n === lengths[0])
  return !allSame && lengths.every((n) => n <= correct)
}

/** Share of single-choice questions whose correct option sits at each 1-based position. */
function positionShares(questions: QuizQuestion[]): { position: number; share: number }[] {
  const singles = singleChoice(questions)
  const counts = new Map<number, number>()
  for (const q of singles) counts.set(correctPosition(q), (counts.get(correctPosition(q)) ?? 0) + 1)
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([position, n]) => ({ position: position + 1, share: n / singles.length }))
}

function longestShare(questions: QuizQuestion[]): number {
  const singles = singleChoice(questions)
  return singles.filter(correctIsLongest).length / singles.length
}

function lessonsShortOfScenarios(quizzes: LessonQuiz[]): string[] {
  return quizzes
    .map((l) => ({
      section: l.section,
      n: l.questions.filter((q) => q.kind === 'scenario').length,
      of: l.questions.length,
    }))
    .filter((l) => l.n < l.of * MIN_SCENARIO_SHARE_PER_LESSON)
    .map((l) => `${l.section} ${l.n}/${l.of}`)
}

const lessons: LessonQuiz[] = listLessonDirs()
  .map(readLessonDir)
  .map((l) => ({ section: l.section, questions: l.quiz.questions }))
const allQuestions = lessons.flatMap((l) => l.questions)
const singles = lessons.flatMap((l) => singleChoice(l.questions).map((q) => ({ section: l.section, q })))

describe('quiz balance across the course', () => {
  it('has single-choice questions to measure', () => {
    expect(singles.length).toBeGreaterThan(100)
  })

  it(`puts the correct single-choice answer in no one position more than ${percent(MAX_POSITION_SHARE)} of the time`, () => {
    const shares = positionShares(allQuestions)
    console.log(
      `correct position across ${singles.length} single-choice questions: ${shares.map((s) => `${s.position}: ${percent(s.share)}`).join(', ')}`,
    )
    const over = shares
      .filter((s) => s.share > MAX_POSITION_SHARE)
      .map((s) => `position ${s.position}: ${percent(s.share)}`)
    expect(over, `positions correct in more than ${percent(MAX_POSITION_SHARE)} of questions`).toEqual([])
  })

  it(`makes the longest option the correct one in at most ${percent(MAX_LONGEST_SHARE)} of single-choice questions`, () => {
    const longest = singles.filter(({ q }) => correctIsLongest(q))
    const share = longestShare(allQuestions)
    console.log(
      `longest option is correct in ${longest.length} / ${singles.length} single-choice questions (${percent(share)})`,
    )
    const examples = longest
      .slice(0, 10)
      .map((s) => `${s.section}/${s.q.id}`)
      .join(', ')
    expect(share, `longest-is-correct share; e.g. ${examples}`).toBeLessThanOrEqual(MAX_LONGEST_SHARE)
  })

  it(`writes at least ${percent(MIN_SCENARIO_SHARE_PER_LESSON)} of every lesson's questions as scenarios`, () => {
    const scenarios = allQuestions.filter((q) => q.kind === 'scenario').length
    const short = lessonsShortOfScenarios(lessons)
    console.log(
      `scenario questions: ${scenarios} / ${allQuestions.length} (${percent(scenarios / allQuestions.length)}); lessons below half: ${short.length} / ${lessons.length}`,
    )
    expect(short).toEqual([])
  })
})

// The measures above only protect anything if they flag a skewed key; these cases pin that down.
describe('quiz balance measures', () => {
  const option = (id: string, text: string) => ({ id, text })
  const question = (id: string, correct: string, texts: string[], kind?: 'scenario'): QuizQuestion => ({
    id,
    type: 'single',
    kind,
    prompt: 'Which one is right?',
    options: texts.map((text, i) => option(String.fromCharCode(97 + i), text)),
    correct: [correct],
    explanation: 'Because the lesson says so, and the others are wrong.',
  })

  it('flags a key where the second option and the longest option are usually right', () => {
    const skewed = [
      question('q1', 'b', ['short', 'the longest option here', 'short', 'short']),
      question('q2', 'b', ['short', 'the longest option here', 'short', 'short']),
      question('q3', 'a', ['the longest option here', 'short', 'short', 'short']),
      question('q4', 'c', ['same', 'size', 'here', 'four']),
    ]
    expect(positionShares(skewed).find((s) => s.position === 2)?.share).toBe(0.5)
    expect(longestShare(skewed)).toBe(0.75)
  })

  it('does not count equal-length options as a length giveaway', () => {
    expect(longestShare([question('q', 'c', ['256', '254', '251', '250'])])).toBe(0)
  })

  it('flags a lesson with fewer than half scenario questions', () => {
    const quiz = ['a', 'b', 'c', 'd'].map((id, i) => question(id, 'a', ['x', 'y'], i === 0 ? 'scenario' : undefined))
    expect(lessonsShortOfScenarios([{ section: 'demo', questions: quiz }])).toEqual(['demo 1/4'])
  })
})

describe('scenario prompt shape', () => {
  it('accepts a prompt that sets up a situation before it asks', () => {
    expect(
      isScenarioPrompt(
        'Private subnets in three AZs send all outbound traffic through one NAT gateway in the first AZ. What do you change?',
      ),
    ).toBe(true)
  })

  it('rejects recall prompts marked as scenarios', () => {
    expect(isScenarioPrompt('What is the maximum size of an SQS message?')).toBe(false)
    expect(
      isScenarioPrompt('Which of these statements about security groups and network ACLs are correct overall?'),
    ).toBe(false)
    const parsed = quizQuestionSchema.safeParse({
      id: 'recall',
      type: 'true-false',
      kind: 'scenario',
      prompt: 'Security groups are stateful.',
      options: [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ],
      correct: ['true'],
      explanation: 'Security groups track connections, so replies are allowed.',
    })
    expect(parsed.success).toBe(false)
  })
})
