/**
 * Turning code point ranges into pieces of text to render, marked or not. Ranges come from the
 * API (search highlights, in code points): they are clamped, sorted and merged here, so a bad
 * range can never throw or produce overlapping <mark>s.
 */
import { OffsetMap } from '@marginalia/shared';

export interface Range {
  start: number;
  end: number;
}

export interface TextPiece {
  text: string;
  marked: boolean;
}

/** Sorted, non-overlapping, non-empty ranges within [0, length]. */
export function normalizeRanges(ranges: readonly Range[], length: number): Range[] {
  const clamped = ranges
    .map((range) => ({ start: Math.max(0, Math.min(range.start, length)), end: Math.max(0, Math.min(range.end, length)) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of clamped) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export function splitByRanges(text: string, ranges: readonly Range[]): TextPiece[] {
  const map = new OffsetMap(text);
  const pieces: TextPiece[] = [];
  let cursor = 0;
  for (const range of normalizeRanges(ranges, map.codePointLength)) {
    if (range.start > cursor) pieces.push({ text: map.slice(cursor, range.start), marked: false });
    pieces.push({ text: map.slice(range.start, range.end), marked: true });
    cursor = range.end;
  }
  if (cursor < map.codePointLength) pieces.push({ text: map.slice(cursor, map.codePointLength), marked: false });
  return pieces;
}
