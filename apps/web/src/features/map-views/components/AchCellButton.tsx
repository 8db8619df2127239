/**
 * One cell of the ACH grid: my rating and the team's spread. Memoised on what it shows, since
 * the matrix is recomputed (new objects) on every change to the map and a grid can hold
 * thousands of cells: only the cells whose figures, label or tab stop changed re-render (and
 * those whose threads changed: each cell subscribes to its own entry of the thread index).
 */
import { ACH_RATING_LABELS, type AchCell, type AchRating } from '@marginalia/shared';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { describeThreads, ThreadCountMark, useMapPartThreads } from '../../discussion';
import { describeDistribution, type DisagreementLevel } from '../ach-format';
import { RatingSpread } from './RatingSpread';

/** Stable for the grid's lifetime: they read the current matrix through a ref. */
export interface AchCellActions {
  open: (event: MouseEvent<HTMLButtonElement>, cell: AchCell) => void;
  keyDown: (event: KeyboardEvent<HTMLButtonElement>, cell: AchCell) => void;
}

interface AchCellButtonProps {
  cell: AchCell;
  mine: AchRating | undefined;
  hypothesisText: string;
  evidenceText: string;
  level: DisagreementLevel;
  disputed: boolean;
  /** Others' ratings are hidden: no spread, and the label says nothing of the team. */
  blind: boolean;
  readOnly: boolean;
  gridCell: string;
  tabIndex: number;
  actions: AchCellActions;
}

function cellLabel({ cell, mine, blind, level, hypothesisText, evidenceText }: AchCellButtonProps): string {
  const parts = [`${evidenceText} on ${hypothesisText}`, mine ? `you: ${ACH_RATING_LABELS[mine]}` : 'you have not rated'];
  if (!blind) parts.push(`team: ${describeDistribution(cell)}`);
  if (level !== 'none') parts.push(`${level} disagreement`);
  return parts.join('; ');
}

function AchCellButtonView(props: AchCellButtonProps) {
  const { cell, mine, level, disputed, blind, readOnly, gridCell, tabIndex, actions } = props;
  const threads = useMapPartThreads({ kind: 'ach-cell', hypothesisId: cell.hypothesisId, evidenceId: cell.evidenceId });
  const discussed = describeThreads(threads);
  return (
    <td className={`ach-grid__cell ach-grid__cell--${level}${disputed ? ' ach-grid__cell--disputed' : ''}`}>
      <button
        type="button"
        className="ach-cell"
        aria-label={discussed === '' ? cellLabel(props) : `${cellLabel(props)}; ${discussed}`}
        aria-haspopup={readOnly ? undefined : 'menu'}
        data-grid-cell={gridCell}
        tabIndex={tabIndex}
        onClick={(event) => actions.open(event, cell)}
        onKeyDown={(event) => actions.keyDown(event, cell)}
      >
        <span className={`ach-cell__mine rating--${mine ?? 'none'}`}>{mine ?? '·'}</span>
        {!blind && cell.raters + cell.distribution.NA > 0 && <RatingSpread cell={cell} />}
        <ThreadCountMark threads={threads} className="ach-cell__threads" />
      </button>
    </td>
  );
}

const sameDistribution = (a: AchCell, b: AchCell) =>
  a.distribution.CC === b.distribution.CC &&
  a.distribution.C === b.distribution.C &&
  a.distribution.N === b.distribution.N &&
  a.distribution.I === b.distribution.I &&
  a.distribution.II === b.distribution.II &&
  a.distribution.NA === b.distribution.NA;

export const AchCellButton = memo(
  AchCellButtonView,
  (previous, next) =>
    previous.mine === next.mine &&
    previous.hypothesisText === next.hypothesisText &&
    previous.evidenceText === next.evidenceText &&
    previous.level === next.level &&
    previous.disputed === next.disputed &&
    previous.blind === next.blind &&
    previous.readOnly === next.readOnly &&
    previous.gridCell === next.gridCell &&
    previous.tabIndex === next.tabIndex &&
    previous.actions === next.actions &&
    previous.cell.hypothesisId === next.cell.hypothesisId &&
    previous.cell.evidenceId === next.cell.evidenceId &&
    sameDistribution(previous.cell, next.cell),
);
