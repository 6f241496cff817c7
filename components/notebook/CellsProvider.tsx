'use client'
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Result } from '@/lib/results'

/** What a cell lets the notebook do with it (Run all, Clear outputs). */
export type CellControl = { order: number; run: () => Promise<Result | undefined>; clear: () => void }

type CellsContext = {
  section: string
  drafts: Record<string, string>
  register: (cellId: string, control: CellControl) => () => void
  /** Cells in lesson order. */
  controls: () => CellControl[]
  /** How many cells are running right now (the kernel is busy). */
  busy: number
  setRunning: (cellId: string, running: boolean) => void
}

const Context = createContext<CellsContext | null>(null)

/** Gives the lesson's cells their section (for saving), the learner's drafts, and the notebook's shared controls. */
export function CellsProvider({
  section,
  drafts,
  children,
}: {
  section: string
  drafts: Record<string, string>
  children: ReactNode
}) {
  const registry = useRef(new Map<string, CellControl>())
  const [running, setRunningIds] = useState<ReadonlySet<string>>(new Set())
  const register = useCallback((cellId: string, control: CellControl) => {
    registry.current.set(cellId, control)
    return () => {
      registry.current.delete(cellId)
    }
  }, [])
  const controls = useCallback(() => [...registry.current.values()].sort((a, b) => a.order - b.order), [])
  const setRunning = useCallback((cellId: string, isRunning: boolean) => {
    setRunningIds((previous) => {
      const next = new Set(previous)
      if (isRunning) next.add(cellId)
      else next.delete(cellId)
      return next
    })
  }, [])
  const value = useMemo(
    () => ({ section, drafts, register, controls, busy: running.size, setRunning }),
    [section, drafts, register, controls, running, setRunning],
  )
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useCells(): CellsContext | null {
  return useContext(Context)
}
