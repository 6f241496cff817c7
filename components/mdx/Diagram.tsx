/**
 * A diagram drawn at compile time (lib/content/remark-diagrams.ts). The SVG is trusted: it comes from the
 * lesson's own D2 source, rendered on the server, and already carries role="img", <title> and <desc>.
 * The visible caption repeats the title for sighted readers; the SVG's own name serves assistive technology.
 */
export function Diagram({ svg, title }: { svg: string; title: string }) {
  return (
    <figure className="diagram">
      <div className="diagram-canvas" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{title}</figcaption>
    </figure>
  )
}
