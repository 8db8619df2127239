/**
 * Snippets of passages with Chinese, Japanese or Korean text. ts_headline cannot do them: its
 * parser sees a whole run of such characters as one word, which it neither highlights (the
 * index holds character pairs) nor counts as more than one word when it cuts a fragment. So
 * for these passages it marks the other words over the whole text (HighlightAll), and here the
 * query's CJK runs are found in the text, and a window around the first match is cut.
 */
import { codePointLength, type SpanDto } from '@marginalia/shared';
import { extractHighlights, type MarkedSnippet } from './highlights.js';

/** Code points shown around the first match: about the length of a ts_headline fragment of CJK text. */
const WINDOW = 120;
const BEFORE_FIRST_MATCH = 30;
/** Matches highlighted per needle: a snippet shows a few. */
const MAX_MATCHES = 50;
const ELLIPSIS = '…';

/** `marked` is the whole passage with ts_headline's markers; needles are CJK runs of the query. */
export function cjkSnippet(marked: string, needles: readonly string[]): MarkedSnippet {
  const { snippet: text, highlights } = extractHighlights(marked);
  const characters = Array.from(text);
  const all = [...highlights, ...needles.flatMap((needle) => occurrences(text, needle))].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SpanDto[] = [];
  for (const span of all) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  if (characters.length <= WINDOW + BEFORE_FIRST_MATCH) return { snippet: text, highlights: merged };
  const start = Math.max(0, Math.min((merged[0]?.start ?? 0) - BEFORE_FIRST_MATCH, characters.length - WINDOW));
  const end = Math.min(characters.length, start + WINDOW);
  const prefix = start > 0 ? ELLIPSIS : '';
  const shift = prefix.length - start;
  return {
    snippet: prefix + characters.slice(start, end).join('') + (end < characters.length ? ELLIPSIS : ''),
    highlights: merged.filter((span) => span.start < end && span.end > start).map((span) => ({ start: Math.max(span.start, start) + shift, end: Math.min(span.end, end) + shift })),
  };
}

/** Where `needle` occurs in `text`, in code points. */
function occurrences(text: string, needle: string): SpanDto[] {
  const spans: SpanDto[] = [];
  const length = Array.from(needle).length;
  let unit = 0;
  let point = 0;
  for (let at = text.indexOf(needle); at !== -1 && spans.length < MAX_MATCHES; at = text.indexOf(needle, at + needle.length)) {
    point += codePointLength(text.slice(unit, at));
    unit = at;
    spans.push({ start: point, end: point + length });
  }
  return spans;
}
