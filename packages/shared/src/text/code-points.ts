/**
 * Offsets in Marginalia count Unicode code points (as W3C Web Annotation and REFI-QDA do), not
 * the UTF-16 units JavaScript strings index by. An emoji or a rare CJK ideograph outside the
 * Basic Multilingual Plane is one code point but two UTF-16 units. These helpers convert.
 */

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    length += 1;
  }
  return length;
}

/**
 * Maps between code point offsets and UTF-16 offsets of one text. Build it once per document
 * (O(n)), then each conversion is O(log n).
 */
export class OffsetMap {
  /** UTF-16 offsets where a surrogate pair starts, in order. */
  private readonly pairStarts: number[] = [];
  readonly codePointLength: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i += 1) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.pairStarts.push(i);
          i += 1;
        }
      }
    }
    this.codePointLength = text.length - this.pairStarts.length;
  }

  /** UTF-16 offset of a code point offset (0..codePointLength). */
  toUtf16(codePointOffset: number): number {
    // Each pair before the target adds one extra unit. Pair k starts at code point pairStarts[k] - k.
    let low = 0;
    let high = this.pairStarts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.pairStarts[middle]! - middle < codePointOffset) low = middle + 1;
      else high = middle;
    }
    return codePointOffset + low;
  }

  /** Code point offset of a UTF-16 offset; an offset inside a pair rounds down to its start. */
  toCodePoint(utf16Offset: number): number {
    let low = 0;
    let high = this.pairStarts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.pairStarts[middle]! < utf16Offset) low = middle + 1;
      else high = middle;
    }
    // `low` pairs start before the offset. Past a whole pair that is one unit too many each;
    // inside a pair, the offset rounds down to the pair's start, which gives the same count.
    return utf16Offset - low;
  }

  /** The substring between two code point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
