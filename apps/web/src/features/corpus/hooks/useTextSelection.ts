/**
 * The span currently selected in the reader's text, in code points, and where it is on the
 * page (for the floating toolbar). Recomputed at most once per frame while the selection moves.
 */
import type { OffsetMap } from '@marginalia/shared';
import { useEffect, useState, type RefObject } from 'react';
import { selectedSpan, type SelectedSpan } from '../dom-offsets';

export interface TextSelection extends SelectedSpan {
  /** Page coordinates (scroll included) of the selection's last line. */
  anchor: { top: number; left: number };
}

function sameSelection(a: TextSelection | null, b: TextSelection | null): boolean {
  return a?.start === b?.start && a?.end === b?.end && a?.anchor.top === b?.anchor.top && a?.anchor.left === b?.anchor.left;
}

export function useTextSelection(rootRef: RefObject<HTMLElement | null>, map: OffsetMap): [TextSelection | null, () => void] {
  const [selection, setSelection] = useState<TextSelection | null>(null);

  useEffect(() => {
    let frame = 0;
    function update() {
      frame = 0;
      const root = rootRef.current;
      const domSelection = document.getSelection();
      const span = root ? selectedSpan(root, domSelection, map) : null;
      if (!span || !domSelection) {
        setSelection(null);
        return;
      }
      const rects = domSelection.getRangeAt(0).getClientRects();
      const last = rects[rects.length - 1] ?? domSelection.getRangeAt(0).getBoundingClientRect();
      const next = { ...span, anchor: { top: last.bottom + window.scrollY, left: last.right + window.scrollX } };
      setSelection((current) => (sameSelection(current, next) ? current : next));
    }
    function handleChange() {
      if (frame === 0) frame = window.requestAnimationFrame(update);
    }
    document.addEventListener('selectionchange', handleChange);
    return () => {
      document.removeEventListener('selectionchange', handleChange);
      if (frame !== 0) window.cancelAnimationFrame(frame);
    };
  }, [rootRef, map]);

  const clear = () => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  };
  return [selection, clear];
}
