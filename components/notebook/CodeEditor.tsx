'use client'
import Editor, { DiffEditor } from '@monaco-editor/react'
import { useEffect, useRef, useState } from 'react'
import { addTypesFor, followPageTheme, markErrorLine, monaco, pageTheme, shareKernelNames } from './monaco-setup'

/** What a cell or lab holds to talk to its editor without feeding a value back into it. */
export type EditorHandle = {
  getValue: () => string
  /** Replaces the whole text (Restore, Reset) as one undoable edit. */
  setValue: (value: string) => void
  /** Marks the line an error came from (undefined clears the mark). */
  markError: (line: number | undefined, message?: string) => void
  focus: () => void
}

export type CodeEditorProps = {
  /** The text the editor opens with. The editor owns its text afterwards: typing never round-trips through React. */
  initialValue: string
  onChange?: (value: string) => void
  onRun?: () => void
  /** A stable model path: each cell is its own module. */
  path: string
  minLines?: number
  label: string
  /** Called once the editor exists, with the handle the owner keeps. */
  onReady?: (handle: EditorHandle) => void
  /** A lesson cell: its top-level names are declared for the page's other cells (they share a kernel). */
  inKernel?: boolean
}

const LINE_HEIGHT = 19

export default function CodeEditor({
  initialValue,
  onChange,
  onRun,
  path,
  minLines = 4,
  label,
  onReady,
  inKernel = false,
}: CodeEditorProps) {
  const onRunRef = useRef(onRun)
  const onChangeRef = useRef(onChange)
  // Monaco registers its keybinding and listener once; the refs let them call the latest callbacks
  useEffect(() => {
    onRunRef.current = onRun
    onChangeRef.current = onChange
  })
  useEffect(() => {
    followPageTheme()
    if (inKernel) shareKernelNames(path, initialValue)
    void addTypesFor(initialValue)
    // types are fetched for the imports present when the editor opens; later imports are fetched on change
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const lines = Math.max(minLines, initialValue.split('\n').length + 1)
  // the editor grows with its text (a pasted solution, a reset to the starter) up to 40 lines, then scrolls
  const [height, setHeight] = useState(Math.min(lines, 40) * LINE_HEIGHT + 16)
  const minHeight = minLines * LINE_HEIGHT + 16
  return (
    <Editor
      height={height}
      language="typescript"
      path={path}
      // uncontrolled: a `value` prop would overwrite keystrokes typed while React re-rendered with an older value
      defaultValue={initialValue}
      theme={pageTheme()}
      options={{
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 13,
        lineHeight: LINE_HEIGHT,
        padding: { top: 8, bottom: 8 },
        automaticLayout: true,
        ariaLabel: `${label}. Ctrl+M (Ctrl+Shift+M on a Mac) makes Tab leave the editor`,
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
        editor.onDidContentSizeChange(({ contentHeight }) =>
          setHeight(Math.max(minHeight, Math.min(contentHeight + LINE_HEIGHT, 40 * LINE_HEIGHT + 16))),
        )
        editor.onDidChangeModelContent(() => {
          const value = editor.getValue()
          onChangeRef.current?.(value)
          if (inKernel) shareKernelNames(path, value)
          markErrorLine(editor.getModel(), undefined)
          void addTypesFor(value)
        })
        onReady?.({
            getValue: () => editor.getValue(),
            setValue: (value) => {
              const model = editor.getModel()
              if (!model) return
              editor.pushUndoStop()
              editor.executeEdits('cloudbook', [{ range: model.getFullModelRange(), text: value }])
              editor.pushUndoStop()
            },
            markError: (line, message) => markErrorLine(editor.getModel(), line, message),
          focus: () => editor.focus(),
        })
      }}
    />
  )
}

export function CodeDiff({ original, modified, path }: { original: string; modified: string; path: string }) {
  useEffect(followPageTheme, [])
  return (
    <DiffEditor
      height={Math.min(Math.max(original.split('\n').length, modified.split('\n').length) + 2, 40) * LINE_HEIGHT}
      language="typescript"
      original={original}
      modified={modified}
      originalModelPath={`${path}.yours.ts`}
      modifiedModelPath={`${path}.solution.ts`}
      theme={pageTheme()}
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
