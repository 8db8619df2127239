/**
 * One passage: its number and a copy-link button in the margin, its text painted with the reader
 * layers' highlights (CSS Custom Highlight API, see layers/highlight-painter.ts), and beside it
 * (or below, on narrower screens) the layers' margin items that start here (PassageMargin). Memoised: moving
 * through a long document re-renders only the passages whose focus or highlights changed.
 *
 * The text element holds exactly the passage's characters as one text node (see dom-offsets.ts);
 * nothing else may be rendered inside it.
 */
import type { OffsetMap } from '@marginalia/shared';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { cx } from '../../../ui';
import { useIsCurrentPassage, type CurrentPassage } from '../current-passage';
import { PASSAGE_TEXT_ATTRIBUTE } from '../dom-offsets';
import { paintPassage, type PaintSpan } from '../layers/highlight-painter';
import type { MarginItem } from '../layers/reader-layer';
import { locateHits, type PassageSpan } from '../reader-model';
import { PassageMargin } from './PassageMargin';

export interface PassageViewProps {
  passage: PassageSpan;
  map: OffsetMap;
  /** The layers' highlights that touch this passage (and the span named by the URL). */
  highlights: readonly PaintSpan[];
  /** The layers' margin items that start in this passage. */
  marginItems: readonly MarginItem[];
  /** Words "Find in this document" matched here, to mark wherever they occur. */
  findWords: readonly string[] | undefined;
  /** The passage being read; that one is in the tab order. */
  current: CurrentPassage;
  /** Named by ?p= in the URL. */
  linked: boolean;
  onGoTo: (index: number) => void;
  onCopyLink: (index: number) => void;
}

export const PassageView = memo(function PassageView({ passage, map, highlights, marginItems, findWords, current: currentPassage, linked, onGoTo, onCopyLink }: PassageViewProps) {
  const number = passage.index + 1;
  const current = useIsCurrentPassage(currentPassage, passage.index);
  const rootRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLParagraphElement>(null);
  // Moved to before it was rendered (the list is virtual): take focus on arrival.
  useLayoutEffect(() => {
    if (currentPassage.pendingFocus !== passage.index) return;
    currentPassage.pendingFocus = null;
    rootRef.current?.focus({ preventScroll: true });
  }, [currentPassage, passage.index]);
  const text = useMemo(() => map.slice(passage.start, passage.end), [map, passage]);
  const spans = useMemo(
    () => (findWords ? [...highlights, ...locateHits(map, passage, findWords).map((hit): PaintSpan => ({ ...hit, paint: 'reader-hit' }))] : highlights),
    [highlights, findWords, map, passage],
  );
  useLayoutEffect(() => {
    const node = textRef.current?.firstChild;
    if (!(node instanceof Text)) return;
    return paintPassage(node, map, passage.start, passage.end, spans);
  }, [map, passage, spans, text]);

  return (
    <div
      ref={rootRef}
      id={`p-${String(number)}`}
      data-passage={passage.index}
      className={cx('passage', linked && 'passage--linked')}
      role="group"
      aria-label={`Passage ${String(number)}`}
      // Passages are the reader's keyboard stops (j/k, deep links, one in the tab order): a
      // named group that takes focus, as a document viewer's pages do.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={current ? 0 : -1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) currentPassage.set(passage.index);
      }}
    >
      <div className="passage__gutter">
        <a
          className="passage__number"
          href={`?p=${String(number)}`}
          tabIndex={-1}
          aria-hidden="true"
          onClick={(event) => {
            event.preventDefault();
            onGoTo(passage.index);
          }}
        >
          {number}
        </a>
        <button
          type="button"
          className="passage__copy"
          tabIndex={current ? 0 : -1}
          aria-label={`Copy link to passage ${String(number)}`}
          title="Copy link to this passage"
          onClick={() => {
            onCopyLink(passage.index);
          }}
        >
          #
        </button>
      </div>
      <p ref={textRef} className="passage__text" {...{ [PASSAGE_TEXT_ATTRIBUTE]: '' }} data-start={passage.start}>
        {text}
      </p>
      {marginItems.length > 0 && <PassageMargin number={number} items={marginItems} focusable={current} />}
    </div>
  );
});
