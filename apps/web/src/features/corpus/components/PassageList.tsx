/**
 * The passages of the document as a virtual list over the window's scroll: only those near the
 * screen are in the DOM, each row positioned at its exact offset. Rows not yet rendered are
 * sized from their text (passage-sizing.ts), rendered ones are measured, so the page keeps its
 * height and a deep link lands where it should. Each passage gets only the highlights inside it.
 *
 * It also tells which passage is being read (the one at the reading line under the header,
 * unless the current one is still on screen with focus or in the upper part of the window).
 */
import type { OffsetMap, Passage } from '@marginalia/shared';
import { useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CurrentPassage } from '../current-passage';
import { usePassageBox } from '../hooks/usePassageBox';
import { PassageSizer } from '../passage-sizing';
import type { PaintSpan } from '../layers/highlight-painter';
import type { MarginItem } from '../layers/reader-layer';
import { bucketDecorations } from '../reader-model';
import { PassageProbe } from './PassageProbe';
import { PassageView, type PassageViewProps } from './PassageView';

const NO_HIGHLIGHTS: readonly PaintSpan[] = [];
const NO_MARGIN_ITEMS: readonly MarginItem[] = [];
const OVERSCAN = 4;

export interface PassageScroller {
  /** Puts passage `index` at the reading line; 'if-needed' leaves it be when wholly on screen. */
  scrollTo(index: number, mode: 'always' | 'if-needed'): void;
}

interface PassageListProps extends Pick<PassageViewProps, 'map' | 'current' | 'onGoTo' | 'onCopyLink'> {
  passages: readonly Passage[];
  map: OffsetMap;
  highlights: readonly PaintSpan[];
  marginByPassage: ReadonlyMap<number, readonly MarginItem[]>;
  findWords: ReadonlyMap<number, readonly string[]>;
  linkedIndex: number | undefined;
  onScroller: (scroller: PassageScroller) => void;
}

/** The list's top in page coordinates, kept up to date as the header above it changes. */
function usePageTop(ref: React.RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      setTop(Math.round(element.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (element.parentElement?.parentElement) observer.observe(element.parentElement.parentElement);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref]);
  return top;
}

function followReading(virtualizer: Virtualizer<Window, Element>, current: CurrentPassage, readingTop: number): void {
  const offset = virtualizer.scrollOffset ?? window.scrollY;
  const headerBottom = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
  const item = virtualizer.measurementsCache[current.get()];
  if (item) {
    const top = item.start - offset;
    const bottom = item.end - offset;
    const focused = document.activeElement?.id === `p-${String(item.index + 1)}`;
    // Still being read: in the upper part of the window, or focused and anywhere on it.
    if (bottom > headerBottom && top < (focused ? window.innerHeight : window.innerHeight * 0.4)) return;
  }
  const reading = virtualizer.getVirtualItemForOffset(offset + readingTop + 1);
  if (reading) current.set(reading.index);
}

/**
 * Content below the list that arrives after a passage was scrolled to (the links to the other
 * documents) makes the page taller; at the end of a document that lets the passage go further
 * up than it could before. Until the person scrolls themselves (or after a few seconds), such a
 * change scrolls to the passage again.
 */
class LandingPin {
  private index: number | null = null;
  private timer = 0;
  private readonly observer = new ResizeObserver(() => {
    if (this.index !== null) this.virtualizer.scrollToIndex(this.index, { align: 'start' });
  });
  private readonly letGo = () => {
    this.release();
  };

  constructor(private readonly virtualizer: Virtualizer<Window, Element>) {}

  hold(index: number): void {
    this.release();
    this.index = index;
    this.observer.observe(document.body);
    for (const type of PERSON_SCROLLS) window.addEventListener(type, this.letGo, { passive: true, capture: true });
    this.timer = window.setTimeout(this.letGo, PIN_MS);
  }

  release(): void {
    if (this.index === null) return;
    this.index = null;
    this.observer.disconnect();
    for (const type of PERSON_SCROLLS) window.removeEventListener(type, this.letGo, { capture: true });
    window.clearTimeout(this.timer);
  }
}

const PERSON_SCROLLS = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
const PIN_MS = 3_000;

export const PassageList = memo(function PassageList({ passages, map, highlights, marginByPassage, findWords, linkedIndex, current, onScroller, ...shared }: PassageListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLDivElement>(null);
  const box = usePassageBox(probeRef);
  const sizer = useMemo(() => (box ? new PassageSizer(box, passages.length) : null), [box, passages.length]);
  const pageTop = usePageTop(listRef);
  const buckets = useMemo(() => bucketDecorations(passages, highlights), [passages, highlights]);
  const readingTop = box?.readingTop ?? 0;

  const virtualizer = useWindowVirtualizer({
    count: sizer ? passages.length : 0,
    estimateSize: (index) => (sizer ? sizer.height(map, passages[index]!) : 0),
    getItemKey: (index) => passages[index]!.id,
    overscan: OVERSCAN,
    scrollMargin: pageTop,
    scrollPaddingStart: readingTop,
    // Whole pixels: rows then start on whole pixels, where a scroll can put them exactly.
    measureElement: (element) => Math.round(element.getBoundingClientRect().height),
    onChange: (instance) => {
      followReading(instance, current, readingTop);
    },
  });

  // New widths or fonts: every estimate changes (measured rows are measured again).
  useLayoutEffect(() => {
    if (sizer) virtualizer.measure();
  }, [sizer, virtualizer]);

  useEffect(() => {
    if (!sizer) return;
    const pin = new LandingPin(virtualizer);
    onScroller({
      scrollTo(index, mode) {
        const item = virtualizer.measurementsCache[index];
        if (mode === 'if-needed' && item) {
          const top = item.start - window.scrollY;
          const headerBottom = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
          if (top >= headerBottom && item.end - window.scrollY <= window.innerHeight) return;
        }
        virtualizer.scrollToIndex(index, { align: 'start' });
        pin.hold(index);
      },
    });
    return () => {
      pin.release();
    };
  }, [sizer, virtualizer, onScroller]);

  const items = virtualizer.getVirtualItems();
  return (
    <div ref={listRef} className="passages" style={{ height: virtualizer.getTotalSize() }}>
      <PassageProbe ref={probeRef} />
      {items.map((item) => {
        const passage = passages[item.index]!;
        return (
          <div
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            className="passage-row"
            style={{ transform: `translateY(${String(item.start - virtualizer.options.scrollMargin)}px)` }}
          >
            <PassageView
              passage={passage}
              map={map}
              highlights={buckets.get(item.index) ?? NO_HIGHLIGHTS}
              marginItems={marginByPassage.get(item.index) ?? NO_MARGIN_ITEMS}
              findWords={findWords.get(item.index)} current={current} linked={item.index === linkedIndex} {...shared} />
          </div>
        );
      })}
    </div>
  );
});
