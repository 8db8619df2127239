/**
 * Text normalisation (once, on import; the result is frozen) and segmentation into passages
 * and sentences. All offsets are code points, end exclusive.
 */
import { continuesSentence } from './abbreviations.js';
import { codePointLength } from './code-points.js';

export interface Span {
  start: number;
  end: number;
}

export interface PassageSegment extends Span {
  index: number;
  sentences: Span[];
}

/**
 * NFC, one kind of line ending, no trailing spaces, no control characters other than tab and
 * newline, no BOM, no blank lines at either end.
 */
export function normalizeText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, '')
      .normalize('NFC')
      .replace(/\r\n?|\u2028|\u2029/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/[ \t\u00A0]+$/gm, '')
      .replace(/^\n+/, '')
      .replace(/\n+$/, '')
  );
}

/**
 * Paragraphs. Scraped news text has one paragraph per line; hard-wrapped text (e-mail, plain
 * text books) has paragraphs as blank-line separated blocks of short lines. Decide per document.
 */
export function segmentPassages(text: string, locale = 'en'): PassageSegment[] {
  const lines = splitLines(text);
  const useBlocks = looksHardWrapped(lines);
  const ranges: { startUnit: number; endUnit: number }[] = [];
  let current: { startUnit: number; endUnit: number } | null = null;
  for (const line of lines) {
    const blank = line.content.trim() === '';
    if (blank || !useBlocks) {
      if (current) ranges.push(current);
      current = null;
      if (!blank) ranges.push(trimRange(text, line.startUnit, line.endUnit));
      continue;
    }
    if (current) current.endUnit = line.endUnit;
    else current = { startUnit: line.startUnit, endUnit: line.endUnit };
  }
  if (current) ranges.push(current);
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  // One running conversion from UTF-16 to code points: ranges are in order.
  let unit = 0;
  let point = 0;
  const toPoint = (target: number): number => {
    point += codePointLength(text.slice(unit, target));
    unit = target;
    return point;
  };
  return ranges.map((range, index) => {
    const trimmed = trimRange(text, range.startUnit, range.endUnit);
    const start = toPoint(trimmed.startUnit);
    const sentences = splitSentences(text.slice(trimmed.startUnit, trimmed.endUnit), start, segmenter);
    const end = toPoint(trimmed.endUnit);
    return { index, start, end, sentences };
  });
}

/**
 * ICU's sentences, then joined again where ICU broke after an abbreviation or an initial
 * ("at St. Thomas University") or after a quoted question ("?” he asked"): see abbreviations.ts.
 */
function splitSentences(passage: string, passageStart: number, segmenter: Intl.Segmenter): Span[] {
  const sentences: Span[] = [];
  let offset = passageStart;
  let previous = '';
  for (const { segment } of segmentPieces(passage, segmenter)) {
    const length = codePointLength(segment);
    const trimmed = segment.trim();
    if (trimmed !== '') {
      const leading = length - codePointLength(segment.trimStart());
      const trailing = length - codePointLength(segment.trimEnd());
      const span = { start: offset + leading, end: offset + length - trailing };
      const last = sentences.at(-1);
      if (last && continuesSentence(previous, trimmed)) last.end = span.end;
      else sentences.push(span);
      previous = trimmed;
    }
    offset += length;
  }
  return sentences;
}

/** Longest piece of a passage given to the segmenter at once, in UTF-16 units. */
const SEGMENTER_PIECE = 4_000;

/**
 * The segmenter's segments of `passage`, computed piece by piece: each step of its iterator
 * costs time in proportion to the whole input (quadratic on a long passage: 90 s for a list of
 * 16,000 lines), while each call to segment() has a fixed cost (about 60 µs). Pieces end at a
 * line break (which always ends a sentence, so this changes nothing) and are up to
 * SEGMENTER_PIECE long; a longer line is cut after a sentence end near that.
 */
function* segmentPieces(passage: string, segmenter: Intl.Segmenter): Generator<{ segment: string }> {
  let start = 0;
  while (start < passage.length) {
    const end = passage.length - start <= SEGMENTER_PIECE ? passage.length : pieceEnd(passage, start);
    yield* segmenter.segment(passage.slice(start, end));
    start = end;
  }
}

/** Where to cut: after the last line break before the limit, else after ". " (or "! ", "? "), else after a space, else at the limit. */
function pieceEnd(text: string, start: number): number {
  const limit = start + SEGMENTER_PIECE;
  for (let at = limit; at > start; at -= 1) if (text[at - 1] === '\n') return at;
  let space = -1;
  for (let at = limit; at > start + SEGMENTER_PIECE / 2; at -= 1) {
    if (text[at - 1] !== ' ') continue;
    if (/[.!?]/.test(text[at - 2] ?? '')) return at;
    if (space < 0) space = at;
  }
  if (space > 0) return space;
  // Never between the two halves of a surrogate pair.
  return /[\uD800-\uDBFF]/.test(text[limit - 1] ?? '') ? limit - 1 : limit;
}

interface Line {
  content: string;
  startUnit: number;
  endUnit: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let startUnit = 0;
  for (const content of text.split('\n')) {
    lines.push({ content, startUnit, endUnit: startUnit + content.length });
    startUnit += content.length + 1;
  }
  return lines;
}

/** Blank-line separated blocks whose lines mostly run on into the next line. */
function looksHardWrapped(lines: Line[]): boolean {
  const nonBlank = lines.filter((line) => line.content.trim() !== '');
  if (nonBlank.length < 4 || nonBlank.length === lines.length) return false;
  let continued = 0;
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const line = lines[i]!.content.trim();
    const next = lines[i + 1]!.content.trim();
    if (line !== '' && next !== '' && !/[.!?:;"'”’)\]]$/.test(line)) continued += 1;
  }
  return continued / nonBlank.length > 0.3;
}

function trimRange(text: string, startUnit: number, endUnit: number): { startUnit: number; endUnit: number } {
  let start = startUnit;
  let end = endUnit;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return { startUnit: start, endUnit: end };
}
