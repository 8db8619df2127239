/**
 * Where the reader is: the passage (?p=5 or #p-5, numbered from 1) and the span (?span=s-e,
 * code points) named by the URL, and moving between passages. Opening or reloading a deep
 * link scrolls to the target and focuses its passage; moving with the keyboard or the outline
 * writes ?p= back (replacing the history entry), so a reload returns to the same place.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { parsePassageParam, parseSpanParam } from '../../../lib/reader-links';
import { passageIndexAt, type PassageSpan } from '../reader-model';

function passageElement(index: number): HTMLElement | null {
  return document.getElementById(`p-${String(index + 1)}`);
}

/** Scrolls only when the passage is not already fully on screen below the sticky header. */
function revealPassage(element: HTMLElement, always: boolean) {
  const rect = element.getBoundingClientRect();
  const headerBottom = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
  if (always || rect.top < headerBottom || rect.bottom > window.innerHeight) element.scrollIntoView({ block: 'start' });
}

export function useReaderNavigation(documentId: string, passages: readonly PassageSpan[], characterCount: number) {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const hashPassage = /^#p-(\d+)$/.exec(location.hash)?.[1];
  const requested = parsePassageParam(searchParams.get('p')) ?? parsePassageParam(hashPassage ?? null);
  const spanParam = searchParams.get('span');
  // Memoised on the parameter's text: the span is a dependency of callbacks and highlights.
  const span = useMemo(() => {
    const parsed = parseSpanParam(spanParam);
    return parsed && parsed.start < characterCount ? { start: parsed.start, end: Math.min(parsed.end, characterCount) } : undefined;
  }, [spanParam, characterCount]);
  const find = searchParams.get('find') ?? '';
  const requestedIndex = requested !== undefined && requested <= passages.length ? requested - 1 : undefined;
  const targetIndex = requestedIndex ?? (span ? passageIndexAt(passages, span.start) : undefined);
  const targetKey = `${documentId}|${String(targetIndex)}|${span ? `${String(span.start)}-${String(span.end)}` : ''}`;
  const handledKey = useRef<string | null>(null);

  // A new target in the URL (first load, reload, a link followed): go there once.
  useEffect(() => {
    if (handledKey.current === targetKey) return;
    const firstVisit = handledKey.current === null;
    handledKey.current = targetKey;
    if (targetIndex === undefined) {
      if (firstVisit) window.scrollTo({ top: 0 });
      return;
    }
    const element = passageElement(targetIndex);
    if (!element) return;
    element.focus({ preventScroll: true });
    const mark = requestedIndex === undefined ? element.querySelector<HTMLElement>('.mark-target') : null;
    if (mark) mark.scrollIntoView({ block: 'center' });
    else revealPassage(element, true);
  }, [targetKey, targetIndex, requestedIndex]);

  const goToPassage = useCallback(
    (index: number, options: { scroll?: 'always' | 'if-needed' } = {}) => {
      if (passages.length === 0) return;
      const clamped = Math.max(0, Math.min(index, passages.length - 1));
      const element = passageElement(clamped);
      if (element) {
        element.focus({ preventScroll: true });
        revealPassage(element, options.scroll === 'always');
      }
      // Already there: the effect above must not move again when the URL catches up.
      handledKey.current = `${documentId}|${String(clamped)}|${span ? `${String(span.start)}-${String(span.end)}` : ''}`;
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('p', String(clamped + 1));
          return next;
        },
        { replace: true, preventScrollReset: true },
      );
    },
    [documentId, passages.length, setSearchParams, span],
  );

  const setFind = useCallback(
    (query: string) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (query.trim() === '') next.delete('find');
          else next.set('find', query.trim());
          return next;
        },
        { replace: true, preventScrollReset: true },
      );
    },
    [setSearchParams],
  );

  return { requestedIndex, targetIndex, span, find, goToPassage, setFind };
}
