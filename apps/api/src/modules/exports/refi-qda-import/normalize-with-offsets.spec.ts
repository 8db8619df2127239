import { describe, expect, it } from '@jest/globals';
import { normalizeWithOffsets } from './normalize-with-offsets.js';

const slice = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');

describe('normalizeWithOffsets', () => {
  it('maps offsets through removed carriage returns, trailing spaces and a BOM, counting code points', () => {
    const raw = '\uFEFF😀 one  \r\n𠀋 two\r\n\r\n';
    const normalized = normalizeWithOffsets(raw)!;
    expect(normalized.text).toBe('😀 one\n𠀋 two');
    // "two" is at code points 12..15 of the raw text (BOM, emoji, ...).
    expect(slice(raw, 12, 15)).toBe('two');
    expect(slice(normalized.text, normalized.map(12), normalized.map(15))).toBe('two');
    expect(slice(normalized.text, normalized.map(1), normalized.map(2))).toBe('😀');
  });

  it('maps offsets through NFC composition', () => {
    const raw = 'cafe\u0301 ok';
    const normalized = normalizeWithOffsets(raw)!;
    expect(normalized.text).toBe('caf\u00e9 ok');
    expect(slice(normalized.text, normalized.map(6), normalized.map(8))).toBe('ok');
  });

  it('is the identity on normalised text', () => {
    const normalized = normalizeWithOffsets('plain 😀 text')!;
    expect([0, 6, 7, 12].map((offset) => normalized.map(offset))).toEqual([0, 6, 7, 12]);
  });
});
