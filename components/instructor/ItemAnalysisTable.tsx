import type { ItemStats } from '@/lib/instructor/item-analysis'

/** Per question: % correct, the most chosen wrong option and discrimination (text only, never HTML). */
export function ItemAnalysisTable({ items }: { items: ItemStats[] }) {
  return (
    <div className="matrix-wrap">
      <table className="matrix item-analysis" data-testid="item-analysis">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Answered</th>
            <th scope="col">% correct</th>
            <th scope="col">Most chosen wrong option</th>
            <th scope="col" title="Top 27 % minus bottom 27 % by total score: near 0 or negative deserves a look">
              Discrimination
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.questionId} data-question={item.questionId}>
              <th scope="row">{item.prompt}</th>
              <td>{item.answered}</td>
              <td>{item.percentCorrect === null ? '—' : `${item.percentCorrect} %`}</td>
              <td>{item.topWrongOption ? `${item.topWrongOption.text} (${item.topWrongOption.count})` : '—'}</td>
              <td>{item.discrimination === null ? '—' : item.discrimination.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
