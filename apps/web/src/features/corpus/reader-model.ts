/**
 * Pure pieces of the reader: which highlights fall in which passage, where search hits are in
 * a passage, and a passage's first words. Every offset here is a
 * code point; UTF-16 appears only when slicing the JavaScript string, through OffsetMap.
 */
import type { OffsetMap, Passage } from '@marginalia/shared';

export type PassageSpan = Pick<Passage, 'index' | 'start' | 'end'>;

/** Index of the passage containing a code point offset (or the nearest one before it). */
export function passageIndexAt(passages: readonly PassageSpan[], offset: number): number {
  let low = 0;
  let high = passages.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (passages[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Spans per passage index; one spanning several passages appears in each. */
export function bucketDecorations<T extends { start: number; end: number }>(passages: readonly PassageSpan[], decorations: readonly T[]): Map<number, T[]> {
  const buckets = new Map<number, T[]>();
  for (const decoration of decorations) {
    if (decoration.end <= decoration.start || passages.length === 0) continue;
    for (let index = passageIndexAt(passages, decoration.start); index < passages.length; index += 1) {
      const passage = passages[index]!;
      if (passage.start >= decoration.end) break;
      if (passage.end <= decoration.start) continue;
      const bucket = buckets.get(index);
      if (bucket) bucket.push(decoration);
      else buckets.set(index, [decoration]);
    }
  }
  return buckets;
}

/** The first words of a passage, for the outline. */
export function firstWords(map: OffsetMap, passage: PassageSpan, maxLength = 70): string {
  const text = map.slice(passage.start, Math.min(passage.end, passage.start + maxLength + 20)).replace(/\s+/g, ' ').trim();
  if (passage.end - passage.start <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut}…`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the words a search highlighted in a snippet occur in the passage. Search results give
 * highlights within the snippet only, so each highlighted word is looked for (as a whole word,
 * ignoring case) in the passage's text; every occurrence is marked, as find-in-page would.
 */
export function locateHits(map: OffsetMap, passage: PassageSpan, words: readonly string[]): Array<{ start: number; end: number }> {
  const unique = [...new Set(words.map((word) => word.trim()).filter((word) => word !== ''))];
  if (unique.length === 0) return [];
  const text = map.slice(passage.start, passage.end);
  const passageUnitStart = map.toUtf16(passage.start);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${unique.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const hits: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(pattern)) {
    const unitStart = passageUnitStart + match.index;
    hits.push({ start: map.toCodePoint(unitStart), end: map.toCodePoint(unitStart + match[0].length) });
  }
  return hits;
}
