/**
 * Where the reader is: the passage (?p=5 or #p-5, numbered from 1) and the span (?span=s-e,
 * code points) named by the URL, and moving between passages. Opening or reloading a deep
 * link scrolls to the target and focuses its passage; moving with the keyboard or the outline
 * writes ?p= back (replacing the history entry), so a reload returns to the same place. That
 * write goes straight to the address bar, and the router hears of it once the moves pause: a
 * router navigation re-renders every screen around the reader, which j held down would pay on
 * every step.
 * The list is virtual: scrolling goes through its PassageScroller, and a passage not rendered
 * yet takes focus when it arrives (CurrentPassage.pendingFocus).
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { parsePassageParam, parseSpanParam } from '../../../lib/reader-links';
import type { PassageScroller } from '../components/PassageList';
import type { CurrentPassage } from '../current-passage';
import { passageIndexAt, type PassageSpan } from '../reader-model';

/** How long the passage must stay put before the router is told of the address's new ?p=. */
const ROUTER_SYNC_MS = 300;

function focusPassage(current: CurrentPassage, index: number): void {
  const element = document.getElementById(`p-${String(index + 1)}`);
  if (element) element.focus({ preventScroll: true });
  else current.pendingFocus = index;
}

export function useReaderNavigation(documentId: string, passages: readonly PassageSpan[], characterCount: number, current: CurrentPassage, scroller: PassageScroller | null) {
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

  // A new target in the URL (first load, reload, a link followed): go there once. Each router
  // navigation is looked at (location.key): a link to the passage the router last saw is a new
  // target when j has since moved on without telling the router yet.
  useEffect(() => {
    if (!scroller || handledKey.current === targetKey) return;
    const firstVisit = handledKey.current === null;
    handledKey.current = targetKey;
    if (targetIndex === undefined) {
      if (firstVisit) window.scrollTo({ top: 0 });
      return;
    }
    current.set(targetIndex);
    focusPassage(current, targetIndex);
    scroller.scrollTo(targetIndex, 'always');
  }, [targetKey, targetIndex, scroller, current, location.key]);

  // The router's copy of ?p= catches up with the address bar after a pause (see above).
  const routerSync = useRef(0);
  const syncRouter = useCallback(() => {
    window.clearTimeout(routerSync.current);
    const pathname = window.location.pathname;
    routerSync.current = window.setTimeout(() => {
      // Only while this reader is still the page (a link followed since then has its own URL).
      if (window.location.pathname === pathname) setSearchParams(new URLSearchParams(window.location.search), { replace: true, preventScrollReset: true });
    }, ROUTER_SYNC_MS);
  }, [setSearchParams]);
  useEffect(() => () => window.clearTimeout(routerSync.current), [documentId]);

  const goToPassage = useCallback(
    (index: number, options: { scroll?: 'always' | 'if-needed' } = {}) => {
      if (passages.length === 0) return;
      const clamped = Math.max(0, Math.min(index, passages.length - 1));
      current.set(clamped);
      focusPassage(current, clamped);
      scroller?.scrollTo(clamped, options.scroll === 'always' ? 'always' : 'if-needed');
      // Already there: the effect above must not move again when the URL catches up.
      handledKey.current = `${documentId}|${String(clamped)}|${span ? `${String(span.start)}-${String(span.end)}` : ''}`;
      const address = new URL(window.location.href);
      address.searchParams.set('p', String(clamped + 1));
      // The router's own state object is kept, or its history (back, forward) loses its place.
      window.history.replaceState(window.history.state, '', address);
      syncRouter();
    },
    [documentId, passages.length, span, current, scroller, syncRouter],
  );

  const setFind = useCallback(
    (query: string) => {
      window.clearTimeout(routerSync.current);
      // From the address bar, which may hold a ?p= the router has not heard of yet.
      const next = new URLSearchParams(window.location.search);
      if (query.trim() === '') next.delete('find');
      else next.set('find', query.trim());
      setSearchParams(next, { replace: true, preventScrollReset: true });
    },
    [setSearchParams],
  );

  return { requestedIndex, targetIndex, span, find, goToPassage, setFind };
}
