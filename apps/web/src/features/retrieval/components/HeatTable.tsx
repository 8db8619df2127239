/**
 * A table whose cells are shaded by their value (a heatmap people can still read: every cell
 * prints its number, and the shading is one hue from light to strong in either theme).
 */
import type { CSSProperties, ReactNode } from 'react';

export interface Axis {
  id: string;
  label: ReactNode;
  /** Plain text for the cell's accessible description. */
  text: string;
}

interface Props {
  caption: string;
  corner: string;
  rows: Axis[];
  columns: Axis[];
  value: (rowId: string, columnId: string) => number | null;
}

export function HeatTable({ caption, corner, rows, columns, value }: Props) {
  let max = 0;
  for (const row of rows) for (const column of columns) max = Math.max(max, value(row.id, column.id) ?? 0);
  return (
    // A scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="heat-table__scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="heat-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((column) => (
              <th key={column.id} scope="col" title={column.text}>
                <span className="heat-table__column">{column.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              {columns.map((column) => {
                const cell = value(row.id, column.id);
                const strength = cell === null || max === 0 ? 0 : cell / max;
                return (
                  <td key={column.id} className="heat-table__cell" style={{ '--heat': String(strength) } as CSSProperties} data-strong={strength > 0.55 || undefined}>
                    {cell ?? '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
