/**
 * Heights of passages that are not rendered yet, close enough to exact that deep links land
 * where they should and the page does not grow while one reads. The reader's text is laid out
 * greedily at the passage column's width (no hyphenation, see corpus.css), so the number of
 * lines follows from character widths measured once with a canvas in the reader's own font:
 * lines break at spaces, and a run too long for a line (a URL, or CJK text, which has no
 * spaces and may break anywhere) fills whole lines. Kerning is left out, and rendered passages
 * are measured for real, so the virtual list corrects what little remains. One pass over the
 * characters, no strings made: a 2,000,000-character document is sized in a few milliseconds.
 */
import type { OffsetMap } from '@marginalia/shared';
import type { PassageSpan } from './reader-model';

export interface PassageBox {
  /** Width of a passage's text column, px. */
  columnWidth: number;
  lineHeight: number;
  /** `font` shorthand of the passage text, for the canvas. */
  font: string;
  /** Height of a passage row beyond its lines of text (padding, gap to the next one), px. */
  chrome: number;
}

/** How close to the column's width (as a share of it) a line of measured words is measured whole. */
const NEAR_EDGE = 0.005;
/** Words up to this many UTF-16 units are measured whole (and remembered); longer runs are summed. */
const MAX_MEASURED_WORD = 40;
/** Hyphen-minus, hyphen, en dash, em dash: the browser may break a line after them. */
function breaksAfter(unit: number): boolean {
  return unit === 0x2d || unit === 0x2010 || unit === 0x2013 || unit === 0x2014;
}

/** Letters and digits of ASCII, and anything beyond it (good enough for break opportunities). */
function isLetter(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) || unit >= 0xc0;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const TAB = 0x09;

/**
 * Widths by word, in an open-addressing table keyed by a word's two hashes (64 bits: a false
 * match among a document's tens of thousands of words is vanishingly unlikely). A Map would
 * need a string, or a key beyond small integers, for each of a long document's ~300,000 words.
 */
class WordWidths {
  private size = 0;
  private mask = (1 << 14) - 1;
  private keysA = new Int32Array(this.mask + 1);
  private keysB = new Int32Array(this.mask + 1);
  private widths = new Float64Array(this.mask + 1).fill(Number.NaN);

  find(hashA: number, hashB: number): number | undefined {
    for (let slot = hashA & this.mask; ; slot = (slot + 1) & this.mask) {
      const width = this.widths[slot]!;
      if (Number.isNaN(width)) return undefined;
      if (this.keysA[slot] === hashA && this.keysB[slot] === hashB) return width;
    }
  }

  add(hashA: number, hashB: number, width: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    let slot = hashA & this.mask;
    while (!Number.isNaN(this.widths[slot]!)) slot = (slot + 1) & this.mask;
    this.keysA[slot] = hashA;
    this.keysB[slot] = hashB;
    this.widths[slot] = width;
    this.size += 1;
  }

  private grow(): void {
    const { keysA, keysB, widths } = this;
    this.mask = this.mask * 2 + 1;
    this.keysA = new Int32Array(this.mask + 1);
    this.keysB = new Int32Array(this.mask + 1);
    this.widths = new Float64Array(this.mask + 1).fill(Number.NaN);
    this.size = 0;
    for (let slot = 0; slot < widths.length; slot += 1) if (!Number.isNaN(widths[slot]!)) this.add(keysA[slot]!, keysB[slot]!, widths[slot]!);
  }
}

export class PassageSizer {
  /** Width of each UTF-16 unit, measured on first use (NaN until then). */
  private readonly widths = new Float32Array(0x10000).fill(Number.NaN);
  private readonly context: CanvasRenderingContext2D | null;
  /** Shaped widths of the words met so far: a document repeats its vocabulary. */
  private readonly words = new WordWidths();
  /** Heights by passage index (-1: not computed): the virtual list asks again and again. */
  private readonly heights: Float64Array;

  constructor(
    private readonly box: PassageBox,
    passageCount: number,
  ) {
    this.heights = new Float64Array(passageCount).fill(-1);
    this.context = document.createElement('canvas').getContext('2d');
    if (this.context) {
      this.context.font = box.font;
      this.context.fontKerning = 'normal';
    }
  }

  private width(text: string, index: number): number {
    const unit = text.charCodeAt(index);
    let width = this.widths[unit]!;
    if (Number.isNaN(width)) {
      // A surrogate pair is one glyph: its width goes to the first half, the second adds none.
      const isHigh = unit >= 0xd800 && unit <= 0xdbff;
      const isLow = unit >= 0xdc00 && unit <= 0xdfff;
      const sample = isHigh ? '\u{20000}' : String.fromCharCode(unit);
      width = isLow ? 0 : this.context ? this.context.measureText(sample).width : this.box.lineHeight * 0.3;
      this.widths[unit] = width;
    }
    return width;
  }

  /**
   * Width of the word text[from, to) as the browser shapes it (kerning included), measured once
   * per distinct word and found again by two 32-bit hashes of its characters (no string is made
   * for a word already met); a long run (a URL, CJK text) is summed from its characters instead.
   */
  private wordWidth(text: string, from: number, to: number, hashA: number, hashB: number, summed: number): number {
    if (!this.context || to - from > MAX_MEASURED_WORD) return summed;
    const found = this.words.find(hashA, hashB);
    if (found !== undefined) return found;
    const width = this.context.measureText(text.slice(from, to)).width;
    this.words.add(hashA, hashB, width);
    return width;
  }

  /** Lines the UTF-16 range [from, to) of `text` takes in the column. */
  lines(text: string, from: number, to: number): number {
    const available = this.box.columnWidth + 0.01;
    const space = this.width(' ', 0);
    let lines = 1;
    const nearEdge = available * NEAR_EDGE;
    let line = 0; // width of the line so far, without the word being read
    let lineFrom = -1; // where the line's text starts (-1: inside a run broken anywhere)
    let word = 0; // summed glyph widths of the word being read
    let wordFrom = from;
    // Two 32-bit hashes of the word's characters: together, its key among the measured words.
    let hashA = 0;
    let hashB = 0;
    let spaced = false; // whether a space separates the word being read from the line
    const placeWord = (wordTo: number) => {
      if (word === 0) return;
      const shaped = word > available ? word : this.wordWidth(text, wordFrom, wordTo, hashA, hashB, word);
      let needed = line === 0 ? shaped : line + (spaced ? space : 0) + shaped;
      // Words add up to within a pixel or two of the shaped line (spaces kern and round too):
      // where that decides the break, the line is measured whole.
      if (line > 0 && lineFrom >= 0 && this.context && Math.abs(needed - available) <= nearEdge) needed = this.context.measureText(text.slice(lineFrom, wordTo)).width;
      if (needed <= available) {
        if (line === 0) lineFrom = wordFrom;
        line = needed;
      } else if (shaped <= available) {
        if (line > 0) lines += 1;
        line = shaped;
        lineFrom = wordFrom;
      } else {
        // Longer than a line: it starts on a line of its own (unless this one is empty) and
        // breaks anywhere.
        if (line > 0) lines += 1;
        lines += Math.ceil(word / available) - 1;
        line = word - (Math.ceil(word / available) - 1) * available;
        lineFrom = -1;
      }
      word = 0;
    };
    for (let index = from; index < to; index += 1) {
      const unit = text.charCodeAt(index);
      if (unit === SPACE || unit === TAB || unit === NEWLINE) {
        placeWord(index);
        spaced = true;
        continue;
      }
      if (word === 0) {
        wordFrom = index;
        hashA = 0;
        hashB = 0;
      }
      word += this.width(text, index);
      hashA = (Math.imul(hashA, 31) + unit) | 0;
      hashB = Math.imul(hashB ^ unit, 0x5bd1e995);
      // A line may also break after a hyphen or a dash between letters ("counter-espionage").
      if (breaksAfter(unit) && index > from && isLetter(text.charCodeAt(index - 1)) && index + 1 < to && isLetter(text.charCodeAt(index + 1))) {
        placeWord(index + 1);
        spaced = false;
      }
    }
    placeWord(to);
    return lines;
  }

  /** Attributions listed under a passage are not counted: measuring the rendered row adds them. */
  height(map: OffsetMap, passage: PassageSpan): number {
    const known = this.heights[passage.index];
    if (known !== undefined && known >= 0) return known;
    const height = Math.round(this.lines(map.text, map.toUtf16(passage.start), map.toUtf16(passage.end)) * this.box.lineHeight + this.box.chrome);
    if (known !== undefined) this.heights[passage.index] = height;
    return height;
  }
}
