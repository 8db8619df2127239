/**
 * The ACH matrix as a keyboard grid, laid out as Heuer draws it: evidence down the side,
 * explanations across. Each cell shows my rating, the team's spread and how much the team
 * disagrees; headers show each explanation's inconsistency rank and each evidence's
 * diagnosticity. Enter or a click opens the rating menu; digits 1-6 rate at once; Delete clears.
 */
import { ACH_RATING_LABELS, type AchCell, type AchMatrix, type AchRating } from '@marginalia/shared';
import { useRef, useState, type KeyboardEvent } from 'react';
import { RATING_KEYS, describeDistribution, disagreementLevel, formatScore } from '../ach-format';
import type { useGridFocus } from '../hooks/useGridFocus';
import { RatingMenu } from './RatingMenu';
import { RatingSpread } from './RatingSpread';

interface AchGridProps {
  matrix: AchMatrix;
  userId: string;
  readOnly: boolean;
  /** Others' ratings are hidden (blind mode): the spread shows mine only. */
  blind: boolean;
  grid: ReturnType<typeof useGridFocus>;
  disputed: ReadonlySet<AchCell>;
  onRate: (cell: AchCell, rating: AchRating | null) => void;
}

function cellLabel(cell: AchCell, mine: AchRating | undefined, blind: boolean, hypothesis: string, evidence: string): string {
  const level = disagreementLevel(cell);
  const parts = [`${evidence} on ${hypothesis}`, mine ? `you: ${ACH_RATING_LABELS[mine]}` : 'you have not rated'];
  if (!blind) parts.push(`team: ${describeDistribution(cell)}`);
  if (level !== 'none') parts.push(`${level} disagreement`);
  return parts.join('; ');
}

export function AchGrid({ matrix, userId, readOnly, blind, grid, disputed, onRate }: AchGridProps) {
  const menuAnchor = useRef<HTMLElement | null>(null);
  const [menuCell, setMenuCell] = useState<AchCell | null>(null);
  const { gridRef, handleKeyDown, cellProps } = grid;

  function handleCellKeyDown(event: KeyboardEvent<HTMLButtonElement>, cell: AchCell) {
    if (readOnly || event.ctrlKey || event.metaKey || event.altKey) return;
    const rating = RATING_KEYS[event.key];
    if (rating) onRate(cell, rating);
    else if (event.key === 'Delete' || event.key === 'Backspace') onRate(cell, null);
    else return;
    event.preventDefault();
  }

  return (
    <>
      <table
        ref={gridRef}
        role="grid"
        className="ach-grid"
        aria-label="ACH matrix: evidence by explanation"
        aria-rowcount={matrix.evidence.length + 1}
        aria-colcount={matrix.hypotheses.length + 1}
        aria-readonly={readOnly || undefined}
        onKeyDown={handleKeyDown}
      >
        <thead>
          <tr>
            <th scope="col" className="ach-grid__corner">
              <button type="button" className="ach-grid__header-button" {...cellProps(0, 0)}>
                <span className="ach-grid__title">Evidence</span>
                <span className="ach-grid__score">rated against each explanation</span>
              </button>
            </th>
            {matrix.hypotheses.map((row, h) => {
              const mine = row.byMember[userId];
              return (
                <th scope="col" key={row.hypothesis.id} className={row.rank === 1 && row.ratedCells > 0 ? 'ach-grid__hypothesis ach-grid__hypothesis--best' : 'ach-grid__hypothesis'}>
                  <button type="button" className="ach-grid__header-button" {...cellProps(0, h + 1)}>
                    <span className="ach-grid__title">{row.hypothesis.text || 'Untitled explanation'}</span>
                    <span className="ach-grid__score">
                      #{row.rank} · {formatScore(row.inconsistency)}
                      {mine && !blind && <span className="muted"> · you #{mine.rank}</span>}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {matrix.evidence.map((column, e) => (
            <tr key={column.evidence.id}>
              <th scope="row" className="ach-grid__evidence">
                <button type="button" className="ach-grid__header-button" {...cellProps(e + 1, 0)}>
                  <span className="ach-grid__title">{column.evidence.text || 'Untitled evidence'}</span>
                  <span className="ach-grid__score">
                    {column.diagnosticity === null ? 'diagnosticity –' : column.diagnosticity === 0 ? 'not diagnostic' : `diagnosticity ${formatScore(column.diagnosticity)}`}
                    {column.teamWeight !== 1 && ` · weight ${formatScore(column.teamWeight)}`}
                  </span>
                </button>
              </th>
              {matrix.hypotheses.map((row, h) => {
                const cell = matrix.cells[h]![e]!;
                const mine = cell.ratings[userId];
                const level = disagreementLevel(cell);
                return (
                  <td key={row.hypothesis.id} className={`ach-grid__cell ach-grid__cell--${level}${disputed.has(cell) ? ' ach-grid__cell--disputed' : ''}`}>
                    <button
                      type="button"
                      className="ach-cell"
                      aria-label={cellLabel(cell, mine, blind, row.hypothesis.text, column.evidence.text)}
                      aria-haspopup={readOnly ? undefined : 'menu'}
                      onClick={(event) => {
                        if (readOnly) return;
                        menuAnchor.current = event.currentTarget;
                        setMenuCell(cell);
                      }}
                      onKeyDown={(event) => handleCellKeyDown(event, cell)}
                      {...cellProps(e + 1, h + 1)}
                    >
                      <span className={`ach-cell__mine rating--${mine ?? 'none'}`}>{mine ?? '·'}</span>
                      {!blind && cell.raters + cell.distribution.NA > 0 && <RatingSpread cell={cell} />}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <RatingMenu
        triggerRef={menuAnchor}
        isOpen={menuCell !== null}
        label="Your rating"
        current={menuCell ? (menuCell.ratings[userId] ?? null) : null}
        onRate={(rating) => menuCell && onRate(menuCell, rating)}
        onClose={() => setMenuCell(null)}
      />
    </>
  );
}
