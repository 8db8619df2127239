/**
 * One evidence row of the ACH grid: its header (diagnosticity, team weight) and a cell per
 * explanation. Memoised: moving through the grid re-renders only the two rows whose tab stop
 * moved; a change to the map re-renders rows, and cells skip unless their own figures changed.
 */
import type { AchMatrix } from '@marginalia/shared';
import { memo } from 'react';
import { disagreementLevel, formatScore } from '../ach-format';
import { AchCellButton, type AchCellActions } from './AchCellButton';

interface AchGridRowProps {
  matrix: AchMatrix;
  /** Index of the evidence in matrix.evidence; the grid row is e + 1 (row 0 is the header). */
  e: number;
  userId: string;
  blind: boolean;
  readOnly: boolean;
  disputed: ReadonlySet<unknown>;
  /** The grid column holding the tab stop when it is in this row, otherwise -1. */
  activeColumn: number;
  actions: AchCellActions;
}

function diagnosticityText(diagnosticity: number | null): string {
  if (diagnosticity === null) return 'diagnosticity –';
  return diagnosticity === 0 ? 'not diagnostic' : `diagnosticity ${formatScore(diagnosticity)}`;
}

export const AchGridRow = memo(function AchGridRow({ matrix, e, userId, blind, readOnly, disputed, activeColumn, actions }: AchGridRowProps) {
  const column = matrix.evidence[e]!;
  const row = e + 1;
  return (
    <tr>
      <th scope="row" className="ach-grid__evidence">
        <button type="button" className="ach-grid__header-button" data-grid-cell={`${row}:0`} tabIndex={activeColumn === 0 ? 0 : -1}>
          <span className="ach-grid__title">{column.evidence.text || 'Untitled evidence'}</span>
          <span className="ach-grid__score">
            {diagnosticityText(column.diagnosticity)}
            {column.teamWeight !== 1 && ` · weight ${formatScore(column.teamWeight)}`}
          </span>
        </button>
      </th>
      {matrix.hypotheses.map((hypothesis, h) => {
        const cell = matrix.cells[h]![e]!;
        return (
          <AchCellButton
            key={hypothesis.hypothesis.id}
            cell={cell}
            mine={cell.ratings[userId]}
            hypothesisText={hypothesis.hypothesis.text}
            evidenceText={column.evidence.text}
            level={disagreementLevel(cell)}
            disputed={disputed.has(cell)}
            blind={blind}
            readOnly={readOnly}
            gridCell={`${row}:${h + 1}`}
            tabIndex={activeColumn === h + 1 ? 0 : -1}
            actions={actions}
          />
        );
      })}
    </tr>
  );
});
