import type { GraphLayout } from '@/lib/content/prerequisite-graph'

const COLUMN = 190
const ROW = 44
const BOX = { width: 164, height: 30 }
const PAD = 6
const MAX_LABEL = 22

function label(title: string) {
  return title.length > MAX_LABEL ? `${title.slice(0, MAX_LABEL - 1).trimEnd()}…` : title
}

/**
 * A lesson's prerequisites as a graph: drawn on the server as SVG (no script), each box a link to its lesson, the
 * lesson itself on the right. The same lessons are listed as links in reading order just above it.
 */
export function PrerequisiteGraph({
  section,
  graph,
  titles,
}: {
  section: string
  graph: GraphLayout
  titles: ReadonlyMap<string, string>
}) {
  const width = graph.columns * COLUMN - (COLUMN - BOX.width) + PAD * 2
  const height = graph.rows * ROW - (ROW - BOX.height) + PAD * 2
  const place = new Map(
    graph.nodes.map((n) => [n.id, { x: PAD + n.column * COLUMN, y: PAD + n.row * ROW }] as const),
  )
  const title = `Prerequisites of ${titles.get(section) ?? section}`
  const description = graph.edges
    .map(({ from, to }) => `${titles.get(from) ?? from} comes before ${titles.get(to) ?? to}`)
    .join('. ')
  return (
    <div className="prerequisite-graph">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        // a group, not an img: an img's children are presentational, and the boxes are links
        role="group"
        aria-labelledby={`prereq-title-${section} prereq-desc-${section}`}
      >
        <title id={`prereq-title-${section}`}>{title}</title>
        <desc id={`prereq-desc-${section}`}>{description}</desc>
        <defs>
          <marker id={`prereq-arrow-${section}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
          </marker>
        </defs>
        {graph.edges.map(({ from, to }) => {
          const a = place.get(from)
          const b = place.get(to)
          if (!a || !b) return null
          const x1 = a.x + BOX.width
          const y1 = a.y + BOX.height / 2
          const x2 = b.x - 2
          const y2 = b.y + BOX.height / 2
          const bend = (x2 - x1) / 2
          return (
            <path
              key={`${from}-${to}`}
              d={`M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`}
              fill="none"
              stroke="currentColor"
              strokeOpacity="0.55"
              markerEnd={`url(#prereq-arrow-${section})`}
            />
          )
        })}
        {graph.nodes.map(({ id }) => {
          const at = place.get(id)
          if (!at) return null
          const name = titles.get(id) ?? id
          const box = (
            <>
              <rect
                x={at.x}
                y={at.y}
                width={BOX.width}
                height={BOX.height}
                rx="6"
                className={id === section ? 'prerequisite-graph__here' : 'prerequisite-graph__node'}
              />
              <text x={at.x + BOX.width / 2} y={at.y + BOX.height / 2} dominantBaseline="central" textAnchor="middle">
                {label(name)}
              </text>
            </>
          )
          return id === section ? (
            <g key={id} aria-current="page">
              <title>{`${name} (this lesson)`}</title>
              {box}
            </g>
          ) : (
            <a key={id} href={`/lessons/${id}`}>
              <title>{name}</title>
              {box}
            </a>
          )
        })}
      </svg>
    </div>
  )
}
