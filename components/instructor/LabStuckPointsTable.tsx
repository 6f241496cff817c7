import type { ClassLabs } from '@/lib/instructor/class-labs'

/** One table per lab: the failing expectations, most learners stopped first (text only, never HTML). */
export function LabStuckPointsTable({ labs }: { labs: ClassLabs['labs'] }) {
  if (labs.length === 0) return <p className="muted">Nobody in this class has checked a lab yet.</p>
  return (
    <>
      {labs.map((lab) => (
        <section key={lab.labId} data-lab={lab.labId} aria-labelledby={`lab-${lab.labId}`}>
          <h2 id={`lab-${lab.labId}`}>{lab.title}</h2>
          <p className="muted">
            {lab.checks} check{lab.checks === 1 ? '' : 's'} by {lab.learners} learner{lab.learners === 1 ? '' : 's'},{' '}
            {lab.learnersPassed} passed
            {lab.unreadable > 0 && ` · ${lab.unreadable} stored result(s) could not be read`}
          </p>
          {lab.expectations.length === 0 ? (
            <p>No expectation has failed.</p>
          ) : (
            <div className="matrix-wrap">
              <table className="matrix stuck-points" data-testid="stuck-points">
                <thead>
                  <tr>
                    <th scope="col">Expectation</th>
                    <th scope="col">Step</th>
                    <th scope="col">Learners stopped</th>
                    <th scope="col">Fixed</th>
                    <th scope="col">Failing checks</th>
                    <th scope="col">Example</th>
                  </tr>
                </thead>
                <tbody>
                  {lab.expectations.map((e) => (
                    <tr key={e.name} data-expectation={e.name}>
                      <th scope="row">{e.name}</th>
                      <td>{e.step === null ? '—' : (lab.steps.find((s) => s.number === e.step)?.title ?? e.step)}</td>
                      <td>
                        {e.learnersFailing} of {lab.learners}
                      </td>
                      <td>{e.learnersFixed}</td>
                      <td>{e.failures}</td>
                      <td>
                        {e.example?.expected !== undefined
                          ? `expected ${e.example.expected}, got ${e.example.actual ?? 'nothing'}`
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  )
}
