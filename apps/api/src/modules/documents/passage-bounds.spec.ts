import { describe, expect, it } from '@jest/globals';
import { segmentPassages } from '@marginalia/shared';
import { boundPassages, segmentDocument } from './passage-bounds.js';

describe('boundPassages', () => {
  it('leaves passages within the limit as they are', () => {
    const passages = segmentPassages('One. Two.\nThree.');
    expect(boundPassages(passages, 100)).toEqual(passages);
  });

  it('splits a long passage at sentence ends into passages within the limit, numbered in order', () => {
    // Sentences of 10 code points, a space apart, from 8: [8,18) [19,29) [30,40) [41,51) [52,62) [63,73).
    const text = `Heading\n${Array.from({ length: 6 }, (_, i) => `Sentence${i}.`).join(' ')}`;
    const bounded = boundPassages(segmentPassages(text), 25);
    expect(bounded.map(({ index, start, end }) => ({ index, start, end }))).toEqual([
      { index: 0, start: 0, end: 7 },
      { index: 1, start: 8, end: 29 },
      { index: 2, start: 30, end: 51 },
      { index: 3, start: 52, end: 73 },
    ]);
    expect(bounded[1]!.sentences).toEqual([
      { start: 8, end: 18 },
      { start: 19, end: 29 },
    ]);
  });

  it('cuts a sentence longer than the limit', () => {
    const bounded = boundPassages(segmentPassages('x'.repeat(25)), 10);
    expect(bounded.map(({ start, end }) => [start, end])).toEqual([
      [0, 10],
      [10, 20],
      [20, 25],
    ]);
  });
});

describe('segmentDocument on long passages', () => {
  it('segments a list of 50,000 lines as one passage with one sentence per line, quickly enough for a test', () => {
    // Intl.Segmenter over the whole passage took minutes: each step costs the whole input.
    const text = `Lists\n\n${'item\nnested item\n'.repeat(25_000)}`;
    const [heading, list] = segmentDocument(text, 'en', 10_000_000);
    expect(heading).toMatchObject({ start: 0, end: 5 });
    expect(list!.sentences).toHaveLength(50_000);
    expect(list!.sentences.slice(0, 2)).toEqual([
      { start: 7, end: 11 },
      { start: 12, end: 23 },
    ]);
  });

  it('segments one very long line of sentences the same as the segmenter does on a short one', () => {
    const text = 'A short one. '.repeat(20_000).trimEnd();
    const [passage] = segmentDocument(text, 'en', 10_000_000);
    expect(passage!.sentences).toHaveLength(20_000);
    expect(passage!.sentences.every((sentence, i) => sentence.start === i * 13 && sentence.end === i * 13 + 12)).toBe(true);
  });
});
