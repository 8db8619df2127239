import { describe, expect, it } from '@jest/globals';
import { extractHighlights } from './highlights.js';

const S = '\u0001';
const E = '\u0002';

/** The highlighted words, read back through code point offsets as a client would. */
function marked(snippet: string, ranges: { start: number; end: number }[]): string[] {
  const points = [...snippet];
  return ranges.map((range) => points.slice(range.start, range.end).join(''));
}

describe('extractHighlights', () => {
  it('strips the markers and returns the ranges they enclosed', () => {
    const result = extractHighlights(`The ${S}spy${E} met two ${S}spies${E}.`);
    expect(result).toEqual({ snippet: 'The spy met two spies.', highlights: [{ start: 4, end: 7 }, { start: 16, end: 21 }] });
  });

  it('counts code points, so emoji and other astral characters before a match count once', () => {
    const result = extractHighlights(`😀 𝔘𝔫𝔦 the ${S}spy${E} 🕵️ ${S}ring${E}`);
    expect(result.highlights).toEqual([{ start: 10, end: 13 }, { start: 17, end: 21 }]);
    expect(marked(result.snippet, result.highlights)).toEqual(['spy', 'ring']);
  });

  it('gives each word of a phrase its own range', () => {
    const result = extractHighlights(`a ${S}secret${E} ${S}service${E} b`);
    expect(marked(result.snippet, result.highlights)).toEqual(['secret', 'service']);
  });

  it('copes with unbalanced or empty markers', () => {
    expect(extractHighlights(`${E}a ${S}${E}b ${S}${S}cd`)).toEqual({ snippet: 'a b cd', highlights: [{ start: 4, end: 6 }] });
    expect(extractHighlights('')).toEqual({ snippet: '', highlights: [] });
  });
});
