/**
 * Marginalia normalises every document's text on the way in (normalizeText: BOM, NFC, line
 * breaks, control characters, trailing spaces, leading and trailing blank lines). Another
 * tool's selections count characters of the text as it was, so each step here is the same
 * replacement as normalizeText's, done while tracking where each character came from; offsets
 * (code points) then map from the original text to the normalised one. The result is checked
 * against normalizeText itself: if the two ever differ, null, and the caller refuses the
 * selections rather than placing them wrongly.
 */
import { normalizeText } from '@marginalia/shared';

export interface NormalizedText {
  text: string;
  /** The normalised offset of an original offset (code points, 0..original length). */
  map(offset: number): number;
}

interface Tracked {
  chars: string[];
  /** Original code point index of each character, plus the original length at the end. */
  origins: number[];
}

function replaceTracked(tracked: Tracked, pattern: RegExp, replacement: (match: string) => string): Tracked {
  const text = tracked.chars.join('');
  // Code point index of each UTF-16 index where a code point starts.
  const chars: string[] = [];
  const origins: number[] = [];
  let unit = 0;
  let index = 0;
  const copyTo = (endUnit: number): void => {
    while (unit < endUnit) {
      const char = tracked.chars[index]!;
      chars.push(char);
      origins.push(tracked.origins[index]!);
      unit += char.length;
      index += 1;
    }
  };
  for (const match of text.matchAll(pattern)) {
    copyTo(match.index);
    const origin = tracked.origins[index]!;
    let consumed = 0;
    while (consumed < match[0].length) {
      consumed += tracked.chars[index]!.length;
      index += 1;
    }
    unit += consumed;
    for (const char of replacement(match[0])) {
      chars.push(char);
      origins.push(origin);
    }
  }
  copyTo(text.length);
  origins.push(tracked.origins[tracked.origins.length - 1]!);
  return { chars, origins };
}

export function normalizeWithOffsets(raw: string): NormalizedText | null {
  let tracked: Tracked = { chars: [...raw], origins: [] };
  for (let i = 0; i <= tracked.chars.length; i += 1) tracked.origins.push(i);
  tracked = replaceTracked(tracked, /^\uFEFF/g, () => '');
  // NFC per base character and its combining marks: composition stays within such a cluster.
  tracked = replaceTracked(tracked, /\P{M}\p{M}*|\p{M}+/gu, (cluster) => cluster.normalize('NFC'));
  tracked = replaceTracked(tracked, /\r\n?|\u2028|\u2029/g, () => '\n');
  // eslint-disable-next-line no-control-regex
  tracked = replaceTracked(tracked, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, () => '');
  tracked = replaceTracked(tracked, /[ \t\u00A0]+$/gm, () => '');
  tracked = replaceTracked(tracked, /^\n+/g, () => '');
  tracked = replaceTracked(tracked, /\n+$/g, () => '');
  const text = tracked.chars.join('');
  if (text !== normalizeText(raw)) return null;
  const { origins } = tracked;
  return {
    text,
    map(offset) {
      // The first normalised character that comes from at or after the original offset.
      let low = 0;
      let high = origins.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (origins[middle]! < offset) low = middle + 1;
        else high = middle;
      }
      return low;
    },
  };
}
