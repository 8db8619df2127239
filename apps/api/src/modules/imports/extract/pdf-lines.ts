/**
 * A PDF's text layer is positioned fragments, not paragraphs. These rebuild lines (same
 * baseline) and paragraphs (lines closer together than a paragraph gap), and rejoin words
 * hyphenated across a line break. Pure, so it is tested on fragments directly.
 */

export interface TextFragment {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size, roughly. */
  height: number;
  /** pdf.js says the line ends after this fragment. */
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

function buildLines(fragments: TextFragment[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { end: number; closed: boolean }) | null = null;
  for (const fragment of fragments) {
    const height = fragment.height || 10;
    const sameLine = current !== null && !current.closed && Math.abs(fragment.y - current.y) < Math.max(current.height, height) * 0.5;
    if (!sameLine) {
      if (current) lines.push(current);
      current = { text: fragment.str, y: fragment.y, height, end: fragment.x + fragment.width, closed: fragment.hasEOL };
      continue;
    }
    // pdf.js usually emits spaces itself; add one where fragments are visibly apart.
    const gap = fragment.x - current!.end;
    const needsSpace = gap > height * 0.2 && !/\s$/.test(current!.text) && !/^\s/.test(fragment.str);
    current!.text += (needsSpace ? ' ' : '') + fragment.str;
    current!.end = fragment.x + fragment.width;
    current!.height = Math.max(current!.height, height);
    current!.closed = fragment.hasEOL;
  }
  if (current) lines.push(current);
  return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() })).filter((line) => line.text !== '');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Lines joined into a paragraph: "exam-" + "ple" becomes "example", "Franco-" + "German"
 * keeps its hyphen; other breaks become spaces.
 */
function joinLines(lines: string[]): string {
  let paragraph = '';
  for (const line of lines) {
    if (paragraph === '') paragraph = line;
    else if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) paragraph = paragraph.slice(0, -1) + line;
    else if (/\p{L}-$/u.test(paragraph)) paragraph += line;
    else paragraph += ` ${line}`;
  }
  return paragraph;
}

/** Paragraphs of one page, in reading order as the PDF stores it. */
export function pageParagraphs(fragments: TextFragment[]): string[] {
  const lines = buildLines(fragments);
  if (lines.length === 0) return [];
  const gaps = lines.slice(1).map((line, index) => lines[index]!.y - line.y);
  const lineGap = median(gaps.filter((gap) => gap > 0));
  const paragraphs: string[][] = [[lines[0]!.text]];
  lines.slice(1).forEach((line, index) => {
    const gap = gaps[index]!;
    // A jump upwards is a new column or a new text block; a gap well over the usual line
    // spacing is a paragraph break.
    const breaks = gap <= 0 || (lineGap > 0 ? gap > lineGap * 1.4 : gap > line.height * 1.8);
    if (breaks) paragraphs.push([line.text]);
    else paragraphs[paragraphs.length - 1]!.push(line.text);
  });
  return paragraphs.map(joinLines);
}
