'use client'
import { useEffect, useRef, useState } from 'react'

const REPORT_STEP = 10

/** A thin bar showing how far through the lesson the learner is; the server remembers it for "continue". */
export function ReadingProgress({ section }: { section: string }) {
  const [percent, setPercent] = useState(0)
  const reported = useRef(-1)

  useEffect(() => {
    const report = (value: number, beacon = false) => {
      if (value <= reported.current) return
      reported.current = value
      const body = JSON.stringify({ section, readPercent: value })
      if (beacon && navigator.sendBeacon)
        navigator.sendBeacon('/api/progress/visit', new Blob([body], { type: 'application/json' }))
      else
        void fetch('/api/progress/visit', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          keepalive: true,
        }).catch(() => undefined)
    }
    let latest = 0
    const measure = () => {
      const article = document.querySelector('article')
      if (!article) return
      const { top, height } = article.getBoundingClientRect()
      const seen = Math.min(1, Math.max(0, (window.innerHeight - top) / height))
      latest = Math.round(seen * 100)
      setPercent(latest)
      if (latest - Math.max(reported.current, 0) >= REPORT_STEP || latest === 100) report(latest)
    }
    report(0)
    measure()
    const onHide = () => report(latest, true)
    window.addEventListener('scroll', measure, { passive: true })
    window.addEventListener('pagehide', onHide)
    return () => {
      window.removeEventListener('scroll', measure)
      window.removeEventListener('pagehide', onHide)
    }
  }, [section])

  return (
    <div
      className="reading-progress"
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div style={{ width: `${percent}%` }} />
    </div>
  )
}
