/**
 * Snippets come from ts_headline with two control characters as StartSel/StopSel. Passage
 * text can never contain them (normalizeText strips control characters on import), so every
 * marker is one of ours. Here they are removed and turned into ranges, counted in code points
 * like every other offset in Marginalia; the client never receives HTML.
 */
import type { SpanDto } from '@marginalia/shared';

export const HIGHLIGHT_START = '\u0001';
export const HIGHLIGHT_STOP = '\u0002';

export interface MarkedSnippet {
  snippet: string;
  highlights: SpanDto[];
}

export function extractHighlights(marked: string): MarkedSnippet {
  const highlights: SpanDto[] = [];
  let snippet = '';
  let position = 0;
  let open: number | null = null;
  for (const char of marked) {
    // for...of walks code points, so an emoji advances the position by one. A word of a
    // phrase is marked on its own: "secret service" gives two ranges.
    if (char === HIGHLIGHT_START) {
      open ??= position;
    } else if (char === HIGHLIGHT_STOP) {
      if (open !== null && position > open) highlights.push({ start: open, end: position });
      open = null;
    } else {
      snippet += char;
      position += 1;
    }
  }
  if (open !== null && position > open) highlights.push({ start: open, end: position });
  return { snippet, highlights };
}
