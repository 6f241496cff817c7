import 'server-only'
import { compileMdx } from './compile'
import { lessonHeadings } from './headings'
import { listLessonDirs, readLessonDir, type LessonFile } from './lesson-files'
import { loadOutline } from './outline'
import type { Quiz } from './schema'

export type LessonSummary = LessonFile['frontmatter'] & { partTitle: string; index: number }
export type TocEntry = { depth: 2 | 3; text: string; id: string }
/** What the browser may see of a quiz: no correct answers, no explanations until graded. */
export type PublicQuiz = {
  questions: {
    id: string
    type: Quiz['questions'][number]['type']
    prompt: string
    options: { id: string; text: string }[]
  }[]
}

let lessonsCache: Map<string, LessonFile> | undefined

/** All lesson files, read and validated once per process (development re-reads so edits show up). */
function lessonFiles(): Map<string, LessonFile> {
  if (lessonsCache && process.env.NODE_ENV === 'production') return lessonsCache
  const files = new Map<string, LessonFile>()
  for (const dir of listLessonDirs()) {
    const lesson = readLessonDir(dir)
    if (files.has(lesson.section)) throw new Error(`two lessons claim section "${lesson.section}"`)
    files.set(lesson.section, lesson)
  }
  lessonsCache = files
  return files
}

/** Lessons in outline order. Sections without a lesson yet are skipped. */
export function listLessons(): LessonSummary[] {
  const files = lessonFiles()
  return loadOutline().sections.flatMap((section) => {
    const file = files.get(section.id)
    return file ? [{ ...file.frontmatter, partTitle: section.partTitle, index: section.index }] : []
  })
}

export function getLessonFile(section: string): LessonFile | undefined {
  return lessonFiles().get(section)
}

export function tableOfContents(body: string): TocEntry[] {
  return lessonHeadings(body).flatMap(({ depth, text, id }) =>
    depth === 2 || depth === 3 ? [{ depth, text, id }] : [],
  )
}

export function publicQuiz(quiz: Quiz): PublicQuiz {
  return { questions: quiz.questions.map(({ id, type, prompt, options }) => ({ id, type, prompt, options })) }
}

export async function getLesson(section: string) {
  const file = getLessonFile(section)
  if (!file) return undefined
  const lessons = listLessons()
  const position = lessons.findIndex((l) => l.section === section)
  return {
    meta: file.frontmatter,
    code: await compileMdx(file.file, file.source),
    toc: tableOfContents(file.body),
    quiz: publicQuiz(file.quiz),
    previous: lessons[position - 1],
    next: lessons[position + 1],
    partTitle: lessons[position]?.partTitle ?? '',
  }
}

/** Compiles every lesson ahead of serving; reports progress as it goes. */
export async function precompileLessons(onProgress: (done: number, total: number, section: string) => void) {
  const files = [...lessonFiles().values()]
  let done = 0
  await Promise.all(
    files.map(async (file) => {
      await compileMdx(file.file, file.source)
      onProgress(++done, files.length, file.section)
    }),
  )
}
