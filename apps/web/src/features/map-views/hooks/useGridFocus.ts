/**
 * Roving focus for a data grid (WAI-ARIA grid pattern): one cell is in the tab order, arrow
 * keys move between cells, Home/End to the row's ends, Ctrl+Home/End to the grid's corners,
 * PageUp/PageDown by ten rows. Cells are found by `data-grid-cell="row:column"`, so the grid's
 * markup stays ordinary table markup.
 */
import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

export interface GridPosition {
  row: number;
  column: number;
}

const PAGE_ROWS = 10;

export function useGridFocus(rows: number, columns: number) {
  const [active, setActive] = useState<GridPosition>({ row: 1, column: 1 });
  const gridRef = useRef<HTMLTableElement>(null);
  // Rows and columns come and go live (a colleague adds evidence): stay inside the grid.
  const current = { row: Math.min(active.row, rows - 1), column: Math.min(active.column, columns - 1) };

  const focusCell = useCallback((position: GridPosition) => {
    setActive(position);
    // After React has moved tabIndex=0 to the new cell.
    requestAnimationFrame(() => gridRef.current?.querySelector<HTMLElement>(`[data-grid-cell="${position.row}:${position.column}"]`)?.focus());
  }, []);

  const handleKeyDown = useCallback(
    (event: KeyboardEvent) => {
      let row = Math.min(active.row, rows - 1);
      let column = Math.min(active.column, columns - 1);
      switch (event.key) {
        case 'ArrowUp': row -= 1; break;
        case 'ArrowDown': row += 1; break;
        case 'ArrowLeft': column -= 1; break;
        case 'ArrowRight': column += 1; break;
        case 'PageUp': row -= PAGE_ROWS; break;
        case 'PageDown': row += PAGE_ROWS; break;
        case 'Home': column = 0; if (event.ctrlKey) row = 0; break;
        case 'End': column = columns - 1; if (event.ctrlKey) row = rows - 1; break;
        default: return;
      }
      event.preventDefault();
      focusCell({ row: Math.max(0, Math.min(rows - 1, row)), column: Math.max(0, Math.min(columns - 1, column)) });
    },
    [active, rows, columns, focusCell],
  );

  /** Only primitives, so memoised cells re-render only when their own tab stop changes. */
  const cellProps = (row: number, column: number) => ({
    'data-grid-cell': `${row}:${column}`,
    tabIndex: row === current.row && column === current.column ? 0 : -1,
  });

  /** One listener for the whole grid (focus bubbles in React): a click or Tab makes a cell current. */
  const handleFocus = useCallback((event: FocusEvent) => {
    const match = /^(\d+):(\d+)$/.exec((event.target as HTMLElement).dataset.gridCell ?? '');
    if (!match) return;
    const row = Number(match[1]);
    const column = Number(match[2]);
    setActive((previous) => (previous.row === row && previous.column === column ? previous : { row, column }));
  }, []);

  return { gridRef, active: current, focusCell, handleKeyDown, handleFocus, cellProps };
}
