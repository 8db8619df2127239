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
  for (const { segment } of segmenter.segment(passage)) {
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
