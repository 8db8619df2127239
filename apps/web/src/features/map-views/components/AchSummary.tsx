/**
 * The matrix read out: explanations ranked by Heuer's inconsistency score (least evidence
 * against first), and the cells where the team disagrees most, each a way into the grid.
 */
import type { AchCell, AchMatrix } from '@marginalia/shared';
import { formatScore } from '../ach-format';

interface AchSummaryProps {
  matrix: AchMatrix;
  userId: string;
  blind: boolean;
  onShowCell: (cell: AchCell) => void;
}

export function AchSummary({ matrix, userId, blind, onShowCell }: AchSummaryProps) {
  const ranked = [...matrix.hypotheses].sort((a, b) => a.rank - b.rank);
  const titleOf = (id: string, list: { id: string; text: string }[]) => list.find((node) => node.id === id)?.text ?? '';
  const hypotheses = matrix.hypotheses.map((row) => row.hypothesis);
  const evidence = matrix.evidence.map((column) => column.evidence);
  return (
    <div className="ach-summary">
      <section aria-labelledby="ach-ranking-title">
        <h3 id="ach-ranking-title">Least inconsistent first{blind ? ' (your ratings only, until revealed)' : ''}</h3>
        <ol className="ach-summary__ranking">
          {ranked.map((row) => (
            <li key={row.hypothesis.id}>
              <span className="ach-summary__rank">#{row.rank}</span> {row.hypothesis.text || 'Untitled explanation'}{' '}
              <span className="muted">
                {blind ? 'yours' : 'team'} {formatScore(row.inconsistency)}
                {row.byMember[userId] && !blind && ` · you ${formatScore(row.byMember[userId].inconsistency)} (#${row.byMember[userId].rank})`}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {!blind && (
        <section aria-labelledby="ach-disputed-title">
          <h3 id="ach-disputed-title">Where the team disagrees most</h3>
          {matrix.mostDisputed.length === 0 ? (
            <p className="muted">No cell has two raters who disagree.</p>
          ) : (
            <ul className="ach-summary__disputed">
              {matrix.mostDisputed.map((cell) => (
                <li key={`${cell.hypothesisId}/${cell.evidenceId}`}>
                  <button type="button" className="link-button" onClick={() => onShowCell(cell)}>
                    {titleOf(cell.evidenceId, evidence)} on {titleOf(cell.hypothesisId, hypotheses)}
                  </button>{' '}
                  <span className="muted">
                    {Object.values(cell.ratings).join(', ')} · disagreement {cell.disagreement.toFixed(2)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
