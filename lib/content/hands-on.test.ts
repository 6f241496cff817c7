import { describe, expect, it } from 'vitest'
import { listLabIds, readLab } from '../labs/lab-files'
import { handsOnBySection, handsOnDescription, handsOnLabel } from './hands-on'
import { extractCells, listLessonDirs, readLessonDir } from './lesson-files'

describe('hands-on markers on the course home', () => {
  const handsOn = handsOnBySection()

  it('counts the runnable cells of every lesson', () => {
    for (const dir of listLessonDirs()) {
      const lesson = readLessonDir(dir)
      expect(handsOn.get(lesson.section)?.cells, lesson.section).toBe(extractCells(lesson.body).length)
    }
  })

  it('attaches every lab to the lesson it declares', () => {
    for (const id of listLabIds()) {
      const { meta } = readLab(id)
      expect(
        handsOn.get(meta.section)?.labs.map((l) => l.id),
        id,
      ).toContain(id)
    }
  })

  it('shows cells and a lab for the order pipeline and the S3 lesson', () => {
    const pipeline = handsOn.get('order-pipeline')
    expect(pipeline?.cells).toBeGreaterThanOrEqual(5)
    expect(pipeline?.labs.map((l) => l.id)).toEqual(['order-pipeline'])
    expect(handsOn.get('s3')?.labs.map((l) => l.id)).toContain('s3-versioning')
  })

  it('labels cells and labs briefly and describes them in words for screen readers', () => {
    expect(handsOnLabel({ cells: 3, labs: [{ id: 'x', title: 'X' }] })).toBe('▶ 3 cells · Lab')
    expect(handsOnLabel({ cells: 1, labs: [] })).toBe('▶ 1 cell')
    expect(handsOnLabel({ cells: 0, labs: [] })).toBe('')
    expect(handsOnDescription({ cells: 2, labs: [{ id: 'x', title: 'X' }] })).toBe(
      'Hands-on: 2 runnable code cells and a hands-on lab',
    )
    expect(handsOnDescription({ cells: 0, labs: [] })).toBe('')
  })
})
