/**
 * The document's outline: every passage by number and first words, in a scrolling list of its
 * own that renders only the rows in view (rows are one line, all the same height). The passage
 * being read is marked and kept in view inside the outline, never by scrolling the page.
 */
import type { OffsetMap, Passage } from '@marginalia/shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import { useCurrentPassage, type CurrentPassage } from '../current-passage';
import { firstWords } from '../reader-model';

interface PassageOutlineProps {
  passages: readonly Passage[];
  map: OffsetMap;
  current: CurrentPassage;
  onGoTo: (index: number) => void;
}

/** Every row's height, in rem: one line, clipped (`.outline__row` in corpus.css says the same). */
export const OUTLINE_ROW_REM = 1.875;

function rowHeightPx(): number {
  return OUTLINE_ROW_REM * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
}

export const PassageOutline = memo(function PassageOutline({ passages, map, current: currentPassage, onGoTo }: PassageOutlineProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [rowHeight] = useState(rowHeightPx);
  const current = useCurrentPassage(currentPassage);
  const virtualizer = useVirtualizer({
    count: passages.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => passages[index]!.id,
    overscan: 8,
  });

  useEffect(() => {
    virtualizer.scrollToIndex(current, { align: 'auto' });
  }, [current, virtualizer]);

  return (
    <nav aria-label="Passages" className="outline__scroller" ref={scrollerRef}>
      <ol className="outline" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const passage = passages[item.index]!;
          const number = passage.index + 1;
          return (
            <li key={item.key} className="outline__row" style={{ transform: `translateY(${String(item.start)}px)` }}>
              <a
                href={`?p=${String(number)}`}
                className="outline__link"
                aria-current={item.index === current ? 'location' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onGoTo(item.index);
                }}
              >
                <span className="outline__number">{number}</span>
                <span className="outline__words">{firstWords(map, passage)}</span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
