import { describe, expect, it } from '@jest/globals';
import { codePointLength, normalizeText, OffsetMap, segmentPassages } from '@marginalia/shared';

describe('code point offsets', () => {
  const text = 'a😀b𠀋c間d';

  it('counts code points, not UTF-16 units', () => {
    expect(text.length).toBe(9);
    expect(codePointLength(text)).toBe(7);
    expect(new OffsetMap(text).codePointLength).toBe(7);
  });

  it('converts both ways and slices by code points', () => {
    const offsets = new OffsetMap(text);
    for (let point = 0; point <= 7; point += 1) {
      expect(offsets.toCodePoint(offsets.toUtf16(point))).toBe(point);
      expect(offsets.slice(point, point + 1)).toBe([...text][point] ?? '');
    }
    // Inside a surrogate pair rounds down to the pair's start.
    expect(offsets.toCodePoint(2)).toBe(1);
    expect(offsets.slice(3, 4)).toBe('𠀋');
  });
});

describe('normalizeText', () => {
  it('removes the BOM, unifies line endings, strips trailing spaces and control characters, composes NFC', () => {
    expect(normalizeText('\uFEFF\r\n\r\nCafe\u0301 \t\r\nline\u0000two\rthree  \n\n')).toBe('Café\nlinetwo\nthree');
  });
});

describe('segmentPassages', () => {
  it('gives sentence spans inside each passage', () => {
    const text = 'First one. Second one!\nNext paragraph?';
    const [first, second] = segmentPassages(text);
    expect(first).toMatchObject({ index: 0, start: 0, end: 22, sentences: [{ start: 0, end: 10 }, { start: 11, end: 22 }] });
    expect(second).toMatchObject({ index: 1, start: 23, end: 38, sentences: [{ start: 23, end: 38 }] });
  });
});
