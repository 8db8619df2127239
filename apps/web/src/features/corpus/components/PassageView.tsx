/**
 * One passage: its number and a copy-link button in the margin, its text with highlights,
 * and beside it (or below, on narrower screens) the actors it is attributed to. Memoised: moving through a long document
 * re-renders only the passages whose focus or highlights changed.
 *
 * The text element holds exactly the passage's characters (see dom-offsets.ts); nothing else
 * may be rendered inside it.
 */
import type { OffsetMap } from '@marginalia/shared';
import { Fragment, memo, useLayoutEffect, useMemo, useRef } from 'react';
import { cx } from '../../../ui';
import { useIsCurrentPassage, type CurrentPassage } from '../current-passage';
import { PASSAGE_TEXT_ATTRIBUTE } from '../dom-offsets';
import { firstWords, locateHits, passageSegments, type Decoration, type PassageSpan } from '../reader-model';

export interface PassageViewProps {
  passage: PassageSpan;
  map: OffsetMap;
  decorations: readonly Decoration[];
  /** Words "Find in this document" matched here, to mark wherever they occur. */
  findWords: readonly string[] | undefined;
  /** The passage being read; that one is in the tab order. */
  current: CurrentPassage;
  /** Named by ?p= in the URL. */
  linked: boolean;
  canEdit: boolean;
  onGoTo: (index: number) => void;
  onCopyLink: (index: number) => void;
  onRemoveAttribution: (attributionId: string, actorName: string) => void;
}

export const PassageView = memo(function PassageView({ passage, map, decorations: ranges, findWords, current: currentPassage, linked, canEdit, onGoTo, onCopyLink, onRemoveAttribution }: PassageViewProps) {
  const number = passage.index + 1;
  const current = useIsCurrentPassage(currentPassage, passage.index);
  const rootRef = useRef<HTMLDivElement>(null);
  // Moved to before it was rendered (the list is virtual): take focus on arrival.
  useLayoutEffect(() => {
    if (currentPassage.pendingFocus !== passage.index) return;
    currentPassage.pendingFocus = null;
    rootRef.current?.focus({ preventScroll: true });
  }, [currentPassage, passage.index]);
  const decorations = useMemo(
    () => (findWords ? [...ranges, ...locateHits(map, passage, findWords).map((hit): Decoration => ({ kind: 'hit', ...hit }))] : ranges),
    [ranges, findWords, map, passage],
  );
  const segments = useMemo(() => passageSegments(map, passage, decorations), [map, passage, decorations]);
  // An attribution is listed beside the passage it starts in.
  const notes = useMemo(
    () =>
      decorations.filter(
        (decoration): decoration is Decoration & { attributionId: string; actorName: string } =>
          decoration.kind === 'attribution' && decoration.start >= passage.start && decoration.attributionId !== undefined && decoration.actorName !== undefined,
      ),
    [decorations, passage.start],
  );

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
      <p className="passage__text" {...{ [PASSAGE_TEXT_ATTRIBUTE]: '' }} data-start={passage.start}>
        {segments.map((segment) => {
          const key = String(segment.start);
          const className = cx(segment.target && 'mark-target', segment.hit && 'mark-hit', segment.actors.length > 0 && 'mark-attribution', segment.actors.length > 1 && 'mark-attribution--multi');
          const title = segment.actors.length > 0 ? `Attributed to ${segment.actors.join(', ')}` : undefined;
          if (className === '') return <Fragment key={key}>{segment.text}</Fragment>;
          if (segment.target || segment.hit)
            return (
              <mark key={key} className={className} title={title}>
                {segment.text}
              </mark>
            );
          return (
            <span key={key} className={className} title={title}>
              {segment.text}
            </span>
          );
        })}
      </p>
      {notes.length > 0 && (
        <ul className="passage__actors" aria-label={`Attributions in passage ${String(number)}`}>
          {notes.map((note) => {
            // Two attributions to one actor here are told apart by the words they cover.
            const quote = firstWords(map, { index: passage.index, start: note.start, end: note.end }, 36);
            const ambiguous = notes.some((other) => other !== note && other.actorName === note.actorName);
            return (
            <li key={note.attributionId} className="passage__actor" title={`${note.actorName}: “${quote}”`}>
              <span>
                {note.actorName}
                {ambiguous ? <span className="passage__actor-quote">, on “{quote}”</span> : <span className="visually-hidden">, on “{quote}”</span>}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="icon-button"
                  tabIndex={current ? 0 : -1}
                  aria-label={`Remove attribution to ${note.actorName} of “${quote}”`}
                  onClick={() => {
                    onRemoveAttribution(note.attributionId, note.actorName);
                  }}
                >
                  ×
                </button>
              )}
            </li>
            );
          })}
        </ul>
      )}
    </div>
  );
});
