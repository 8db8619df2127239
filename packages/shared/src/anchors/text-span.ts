/**
 * Pure checks and quotes for text anchors, in code points. The API runs the same rules (its
 * quote comes from Postgres, whose substr also counts code points in a UTF-8 database); the
 * client and the exporters use these to compute what the server would.
 */
import { OffsetMap } from '../text/code-points.js';
import { QUOTE_CONTEXT_LENGTH, type TextQuote } from './text-anchor.js';

/** Why a span cannot be anchored in a text of `length` code points, or null when it can. */
export function spanProblem(length: number, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'start and end must be whole numbers of characters';
  if (start < 0) return 'start must not be negative';
  if (end <= start) return end === start ? 'the span is empty: end must be greater than start' : 'end must be greater than start';
  if (end > length) return `the span ends after the document (it has ${length} characters)`;
  return null;
}

/** The W3C quote of [start, end) with up to `context` code points either side. */
export function quoteOf(text: string | OffsetMap, start: number, end: number, context = QUOTE_CONTEXT_LENGTH): TextQuote {
  const map = typeof text === 'string' ? new OffsetMap(text) : text;
  return {
    exact: map.slice(start, end),
    prefix: map.slice(Math.max(0, start - context), start),
    suffix: map.slice(end, Math.min(map.codePointLength, end + context)),
  };
}

/** Whether two spans [aStart, aEnd) and [bStart, bEnd) share at least one character. */
export function spansOverlap(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}
