import { MdxContent } from '@/components/mdx/MdxContent'

type Props = { hints: { code: string }[]; total: number; failedChecks: number }

/**
 * The hints the server has unlocked (one per failed check); the others are not in the page at all. Rendered on the
 * server and refreshed after each check.
 */
export function LabHints({ hints, total, failedChecks }: Props) {
  return (
    <section className="lab-hints" aria-labelledby="lab-hints-title" data-testid="lab-hints">
      <h2 id="lab-hints-title">
        Hints <span className="muted">({hints.length} of {total})</span>
      </h2>
      {hints.length === 0 ? (
        <p className="muted">The first hint unlocks after a check that does not pass yet. Try it yourself first.</p>
      ) : (
        <ol>
          {hints.map((hint, i) => (
            <li key={i} data-testid="lab-hint">
              <MdxContent code={hint.code} />
            </li>
          ))}
        </ol>
      )}
      {hints.length > 0 && hints.length < total && (
        <p className="muted">The next hint unlocks after your next check that does not pass ({failedChecks} so far).</p>
      )}
    </section>
  )
}
