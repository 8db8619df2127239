/**
 * The ACH matrix as a keyboard grid, laid out as Heuer draws it: evidence down the side,
 * explanations across. Each cell shows my rating, the team's spread and how much the team
 * disagrees; headers show each explanation's inconsistency rank and each evidence's
 * diagnosticity. Enter or a click opens the rating menu; digits 1-6 rate at once; Delete clears.
 */
import type { AchCell, AchMatrix, AchRating } from '@marginalia/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { RATING_KEYS, formatScore } from '../ach-format';
import type { useGridFocus } from '../hooks/useGridFocus';
import { RatingMenu } from './RatingMenu';
import type { AchCellActions } from './AchCellButton';
import { AchGridRow } from './AchGridRow';

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

export function AchGrid({ matrix, userId, readOnly, blind, grid, disputed, onRate }: AchGridProps) {
  const menuAnchor = useRef<HTMLElement | null>(null);
  const [menuCell, setMenuCell] = useState<AchCell | null>(null);
  const { gridRef, handleKeyDown, handleFocus, cellProps } = grid;
  const latest = useRef({ readOnly, onRate });
  useEffect(() => {
    latest.current = { readOnly, onRate };
  });
  const actions = useMemo<AchCellActions>(
    () => ({
      open: (event, cell) => {
        if (latest.current.readOnly) return;
        menuAnchor.current = event.currentTarget;
        setMenuCell(cell);
      },
      keyDown: (event, cell) => {
        if (latest.current.readOnly || event.ctrlKey || event.metaKey || event.altKey) return;
        const rating = RATING_KEYS[event.key];
        if (rating) latest.current.onRate(cell, rating);
        else if (event.key === 'Delete' || event.key === 'Backspace') latest.current.onRate(cell, null);
        else return;
        event.preventDefault();
      },
    }),
    [],
  );

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
        onFocus={handleFocus}
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
            <AchGridRow
              key={column.evidence.id}
              matrix={matrix}
              e={e}
              userId={userId}
              blind={blind}
              readOnly={readOnly}
              disputed={disputed}
              activeColumn={grid.active.row === e + 1 ? grid.active.column : -1}
              actions={actions}
            />
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
