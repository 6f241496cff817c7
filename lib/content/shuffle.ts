/**
 * Per-learner option order. Authors write options in any order and the answer key is by option id, so showing each
 * learner a different but stable order stops "it's always b" and keeps a reload from reshuffling mid-attempt.
 * Pure and dependency-free: the page shuffles on the server, the grader never sees positions.
 */

type QuizOption = { id: string; text: string }
type ShufflableQuestion = { id: string; type: 'single' | 'multiple' | 'true-false'; options: QuizOption[] }

/** FNV-1a, 32-bit: a tiny, well-spread string hash, enough to seed a non-cryptographic PRNG. */
function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1); the same seed always gives the same sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A stable permutation of `items` for this seed (Fisher–Yates driven by the seeded PRNG); the input is not mutated. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = mulberry32(hashString(seed))
  const result = [...items]
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = result[i]
    const other = result[j]
    if (swap === undefined || other === undefined) continue
    result[i] = other
    result[j] = swap
  }
  return result
}

/**
 * The options of one question in the order this learner sees them. The seed joins learner, section and question, so
 * the same question id in two lessons is shuffled independently. True/false keeps True, False: shuffling two fixed
 * words only confuses.
 */
export function shuffleOptions(question: ShufflableQuestion, learnerId: string, section: string): QuizOption[] {
  if (question.type === 'true-false') return [...question.options]
  return seededShuffle(question.options, `${learnerId}\u0000${section}\u0000${question.id}`)
}

/** Every question of a quiz with its options in this learner's order; question order and ids are unchanged. */
export function shuffleQuizForLearner<Q extends ShufflableQuestion>(
  quiz: { questions: Q[] },
  learnerId: string,
  section: string,
): { questions: (Omit<Q, 'options'> & { options: QuizOption[] })[] } {
  return {
    questions: quiz.questions.map((question) => ({
      ...question,
      options: shuffleOptions(question, learnerId, section),
    })),
  }
}
