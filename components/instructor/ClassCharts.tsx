import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import type { LessonBar, ScoreBin } from '@/lib/instructor/charts'

// Server-rendered SVG with visx (docs/decisions/0009-charts-and-review-scheduling.md): no chart code reaches the
// browser, nothing loads from elsewhere, and colours come from the page's CSS variables so dark mode just works.

const HEIGHT = 220
const MARGIN = { top: 12, right: 28, bottom: 44, left: 44 }
const tickLabel = { fill: 'currentColor', fontSize: 11, fontFamily: 'inherit' } as const

/** Per lesson (course order): learners who started it, and how many of them completed it (quiz ≥ pass mark). */
export function CompletionChart({ bars, learners }: { bars: LessonBar[]; learners: number }) {
  const width = Math.max(480, bars.length * 9 + MARGIN.left + MARGIN.right)
  const x = scaleBand({
    domain: bars.map((b) => b.section),
    range: [0, width - MARGIN.left - MARGIN.right],
    padding: 0.2,
  })
  const y = scaleLinear({
    domain: [0, Math.max(1, learners)],
    range: [HEIGHT - MARGIN.top - MARGIN.bottom, 0],
    nice: true,
  })
  const bottom = HEIGHT - MARGIN.top - MARGIN.bottom
  // a tick per tenth of the course keeps labels legible with 100+ lessons
  const every = Math.max(1, Math.ceil(bars.length / 10))
  return (
    <figure className="chart" data-testid="completion-chart">
      <div className="chart-scroll">
        <svg width={width} height={HEIGHT} role="img" aria-labelledby="completion-title completion-desc">
          <title id="completion-title">Completion per lesson</title>
          <desc id="completion-desc">
            For each of {bars.length} lessons, how many of the class&apos;s {learners} learners started it (light bar)
            and completed it (dark bar).
          </desc>
          <Group left={MARGIN.left} top={MARGIN.top}>
            {bars.map((bar) => {
              const left = x(bar.section) ?? 0
              return (
                <g
                  key={bar.section}
                  data-section={bar.section}
                  data-started={bar.started}
                  data-completed={bar.completed}
                >
                  <title>{`${bar.title}: ${bar.completed} completed, ${bar.started} started, ${bar.quizTaken} took the quiz`}</title>
                  <Bar
                    className="chart-bar-started"
                    x={left}
                    y={y(bar.started)}
                    width={x.bandwidth()}
                    height={bottom - y(bar.started)}
                  />
                  <Bar
                    className="chart-bar-completed"
                    x={left}
                    y={y(bar.completed)}
                    width={x.bandwidth()}
                    height={bottom - y(bar.completed)}
                  />
                </g>
              )
            })}
            <AxisLeft
              scale={y}
              numTicks={5}
              tickFormat={(v) => String(v)}
              axisClassName="chart-axis"
              tickLabelProps={{ ...tickLabel, textAnchor: 'end', dx: '-0.25em', dy: '0.33em' }}
              label="learners"
              labelProps={{ ...tickLabel, textAnchor: 'middle' }}
            />
            <AxisBottom
              top={bottom}
              scale={x}
              tickValues={bars.filter((_, i) => i % every === 0).map((b) => b.section)}
              tickFormat={(section) => String(bars.findIndex((b) => b.section === section) + 1)}
              axisClassName="chart-axis"
              tickLabelProps={{ ...tickLabel, textAnchor: 'middle' }}
              label="lesson number in the course"
              labelProps={{ ...tickLabel, textAnchor: 'middle' }}
            />
          </Group>
        </svg>
      </div>
      <figcaption>
        <span className="legend legend-started" /> started · <span className="legend legend-completed" /> completed.
        Hover a bar for the lesson.
      </figcaption>
    </figure>
  )
}

/** How the class's best quiz scores spread (one per learner and quiz taken), in bins of 10 %. */
export function ScoreChart({ bins }: { bins: ScoreBin[] }) {
  const width = 480
  const inner = width - MARGIN.left - MARGIN.right
  const bottom = HEIGHT - MARGIN.top - MARGIN.bottom
  const total = bins.reduce((sum, b) => sum + b.learners, 0)
  const x = scaleBand({ domain: bins.map((b) => b.label), range: [0, inner], padding: 0.15 })
  const y = scaleLinear({ domain: [0, Math.max(1, ...bins.map((b) => b.learners))], range: [bottom, 0], nice: true })
  return (
    <figure className="chart" data-testid="score-chart">
      <svg width={width} height={HEIGHT} role="img" aria-labelledby="scores-title scores-desc">
        <title id="scores-title">Quiz score distribution</title>
        <desc id="scores-desc">
          {total} best quiz scores in ten bins: {bins.map((b) => `${b.label}: ${b.learners}`).join(', ')}.
        </desc>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {bins.map((bin) => (
            <g key={bin.label} data-bin={bin.from} data-count={bin.learners}>
              <title>{`${bin.label}: ${bin.learners}`}</title>
              <Bar
                className={bin.from >= 70 ? 'chart-bar-completed' : 'chart-bar-started'}
                x={x(bin.label) ?? 0}
                y={y(bin.learners)}
                width={x.bandwidth()}
                height={bottom - y(bin.learners)}
              />
            </g>
          ))}
          <AxisLeft
            scale={y}
            numTicks={5}
            tickFormat={(v) => String(v)}
            axisClassName="chart-axis"
            tickLabelProps={{ ...tickLabel, textAnchor: 'end', dx: '-0.25em', dy: '0.33em' }}
          />
          <AxisBottom
            top={bottom}
            scale={x}
            tickFormat={(label) => label.split('–')[0] ?? label}
            axisClassName="chart-axis"
            tickLabelProps={{ ...tickLabel, textAnchor: 'middle' }}
            label="best score, % (dark: at or above the 70 % pass mark)"
            labelProps={{ ...tickLabel, textAnchor: 'middle' }}
          />
        </Group>
      </svg>
      <figcaption>
        Best quiz score per learner and lesson ({total} quiz{total === 1 ? '' : 'zes'} taken).
      </figcaption>
    </figure>
  )
}
