/**
 * Post-processing of D2's SVG for inline use on a lesson page: follow the site's theme toggle instead of only
 * the OS setting, and give the picture an accessible name and description.
 */

const DARK_MEDIA = '@media screen and (prefers-color-scheme:dark){'

/**
 * D2 puts the dark palette in `@media (prefers-color-scheme: dark)`, but the site lets a reader pin light or dark
 * with <html data-theme> (components/layout/theme.ts). Re-scope the same rules the way globals.css does: the
 * media query applies unless light is pinned, and a pinned dark applies regardless of the OS.
 */
export function followSiteTheme(svg: string): string {
  const start = svg.indexOf(DARK_MEDIA)
  if (start < 0) return svg
  const bodyStart = start + DARK_MEDIA.length
  const end = matchingBrace(svg, bodyStart)
  if (end < 0) return svg
  const rules = svg.slice(bodyStart, end)
  const scoped = (scope: string) =>
    rules.replace(/([^{}]+)\{([^{}]*)\}/g, (_rule, selectors: string, declarations: string) => {
      const list = selectors
        .split(',')
        .map((selector) => `${scope} ${selector.trim()}`)
        .join(',')
      return `${list}{${declarations}}`
    })
  const replacement = `${DARK_MEDIA}${scoped(":root:not([data-theme='light'])")}}` + scoped(":root[data-theme='dark']")
  return svg.slice(0, start) + replacement + svg.slice(end + 1)
}

/** Index of the `}` closing the block whose body starts at `from`, or -1. D2's dark block holds flat rules only. */
function matchingBrace(text: string, from: number): number {
  let depth = 1
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return -1
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export type DiagramLabel = { id: string; title: string; desc: string }

/**
 * Makes the outer <svg> one image for assistive technology (role="img", named by <title> and described by
 * <desc>), and gives it its natural width so small diagrams are not blown up to the column width.
 */
export function labelSvg(svg: string, { id, title, desc }: DiagramLabel): string {
  const open = /^<svg\b[^>]*>/.exec(svg)
  if (!open) throw new Error('D2 returned no <svg> element')
  const viewBox = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(open[0])
  const size = viewBox ? ` width="${viewBox[1]}" height="${viewBox[2]}"` : ''
  const tag = open[0].replace(
    /^<svg\b/,
    `<svg role="img" aria-labelledby="${id}-title ${id}-desc" class="diagram-svg"${size}`,
  )
  const label = `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>`
  return tag + label + svg.slice(open[0].length)
}
