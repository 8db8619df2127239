/**
 * The notes beside one passage: the reader layers' margin items that start in it, as a list
 * named after the passage. A heavily coded passage (a shared corpus can hold dozens of
 * annotations on one paragraph) lists its first few and a button for the rest, so opening a
 * document renders a bounded number of elements per passage; what is shown first is the layers'
 * order (document order within each layer).
 */
import { useState } from 'react';
import type { MarginItem } from '../layers/reader-layer';

/** Items listed before "Show all": enough for a normally coded passage to show everything. */
export const MARGIN_ITEMS_SHOWN = 8;

export interface PassageMarginProps {
  number: number;
  items: readonly MarginItem[];
  /** The passage is the current one: its controls are in the tab order. */
  focusable: boolean;
}

export function PassageMargin({ number, items, focusable }: PassageMarginProps) {
  const [expanded, setExpanded] = useState(false);
  const hidden = expanded ? 0 : Math.max(0, items.length - MARGIN_ITEMS_SHOWN);
  const shown = hidden > 0 ? items.slice(0, MARGIN_ITEMS_SHOWN) : items;
  return (
    <ul className="passage__margin" aria-label={`Notes on passage ${String(number)}`}>
      {shown.map((item) => (
        <li key={item.key}>{item.render(focusable)}</li>
      ))}
      {hidden > 0 && (
        <li>
          <button
            type="button"
            className="passage__more"
            tabIndex={focusable ? 0 : -1}
            aria-label={`Show all ${String(items.length)} notes on passage ${String(number)}`}
            onClick={() => {
              setExpanded(true);
            }}
          >
            +{hidden} more
          </button>
        </li>
      )}
    </ul>
  );
}
