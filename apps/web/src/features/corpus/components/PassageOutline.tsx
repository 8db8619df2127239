/**
 * The document's outline: every passage by number and first words. The passage being read is
 * marked and kept in view inside the outline (not the page) as the reader scrolls.
 */
import type { OffsetMap, Passage } from '@marginalia/shared';
import { useEffect, useMemo, useRef } from 'react';
import { firstWords } from '../reader-model';

interface PassageOutlineProps {
  passages: readonly Passage[];
  map: OffsetMap;
  current: number;
  onGoTo: (index: number) => void;
}

export function PassageOutline({ passages, map, current, onGoTo }: PassageOutlineProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const labels = useMemo(() => passages.map((passage) => firstWords(map, passage)), [passages, map]);

  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="location"]');
    const scroller = list?.closest<HTMLElement>('.reader__sidebar');
    if (!item || !scroller || scroller.scrollHeight <= scroller.clientHeight) return;
    const itemRect = item.getBoundingClientRect();
    const scrollerRect = scroller.getBoundingClientRect();
    if (itemRect.top < scrollerRect.top + 48 || itemRect.bottom > scrollerRect.bottom) {
      scroller.scrollTop += itemRect.top - scrollerRect.top - scroller.clientHeight / 3;
    }
  }, [current]);

  return (
    <nav aria-label="Passages">
      <ol className="outline" ref={listRef}>
        {passages.map((passage, position) => {
          const number = passage.index + 1;
          return (
            <li key={passage.id}>
              <a
                href={`?p=${String(number)}`}
                className="outline__link"
                aria-current={position === current ? 'location' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onGoTo(position);
                }}
              >
                <span className="outline__number">{number}</span>
                <span className="outline__words">{labels[position]}</span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
