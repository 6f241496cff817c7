'use client'
import Editor, { DiffEditor } from '@monaco-editor/react'
import { useEffect, useRef } from 'react'
import { addTypesFor, monaco } from './monaco-setup'

export type CodeEditorProps = {
  value: string
  onChange: (value: string) => void
  onRun?: () => void
  /** A stable model path: each cell is its own module. */
  path: string
  minLines?: number
  label: string
}

const LINE_HEIGHT = 19

function useDarkTheme() {
  if (typeof window === 'undefined') return false
  const forced = document.documentElement.dataset.theme
  return forced ? forced === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches
}

export default function CodeEditor({ value, onChange, onRun, path, minLines = 4, label }: CodeEditorProps) {
  const onRunRef = useRef(onRun)
  // Monaco registers the keybinding once; the ref lets it call the latest onRun
  useEffect(() => {
    onRunRef.current = onRun
  })
  const dark = useDarkTheme()
  useEffect(() => {
    void addTypesFor(value)
    // types are fetched for the imports present when the cell opens; later imports are fetched on run
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const lines = Math.max(minLines, value.split('\n').length + 1)
  return (
    <Editor
      height={Math.min(lines, 40) * LINE_HEIGHT + 16}
      language="typescript"
      path={path}
      value={value}
      theme={dark ? 'vs-dark' : 'vs'}
      onChange={(next) => onChange(next ?? '')}
      options={{
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 13,
        lineHeight: LINE_HEIGHT,
        padding: { top: 8, bottom: 8 },
        automaticLayout: true,
        ariaLabel: label,
        tabSize: 2,
        scrollbar: { alwaysConsumeMouseWheel: false },
      }}
      onMount={(editor) => {
        // an action, not addCommand: commands are global and would run the last editor's cell on a multi-cell page
        editor.addAction({
          id: 'cloudbook.run',
          label: 'Run cell',
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
          run: () => onRunRef.current?.(),
        })
      }}
    />
  )
}

export function CodeDiff({ original, modified, path }: { original: string; modified: string; path: string }) {
  const dark = useDarkTheme()
  return (
    <DiffEditor
      height={Math.min(Math.max(original.split('\n').length, modified.split('\n').length) + 2, 40) * LINE_HEIGHT}
      language="typescript"
      original={original}
      modified={modified}
      originalModelPath={`${path}.yours.ts`}
      modifiedModelPath={`${path}.solution.ts`}
      theme={dark ? 'vs-dark' : 'vs'}
      // the wrapper would dispose the models before the widget lets go of them on unmount (a known
      // @monaco-editor/react issue); keeping them avoids the error, and their paths are stable per lab
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      options={{
        readOnly: true,
        renderSideBySide: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
      }}
    />
  )
}
