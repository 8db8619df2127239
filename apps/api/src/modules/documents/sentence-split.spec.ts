import { describe, expect, it } from '@jest/globals';
import { segmentPassages } from '@marginalia/shared';

/** The passage's sentences as text (the test texts have no surrogate pairs). */
function sentences(text: string): string[] {
  return segmentPassages(text).flatMap((passage) => passage.sentences.map((span) => text.slice(span.start, span.end)));
}

describe('sentence splitting after abbreviations and initials', () => {
  it.each([
    'Yao Yuan, an international studies professor at St. Thomas University, told Epoch Times that confidence is declining.',
    'Dr. Wang and Mr. Chen met Mrs. Li, Ms. Zhao and Prof. Sun.',
    'Gen. Li and Lt. Wang spoke to the U.K. Foreign Office and U.S. CIA Director Burns.',
    'Some cases, e.g. Shanghai, and others, i.e. Beijing, differ.',
    'Building No. 5 was searched on Jan. 5 and again on Sept. 12, 2023.',
    'John F. Kennedy and J. R. R. Tolkien are quoted.',
  ])('keeps one sentence: %s', (text) => {
    expect(sentences(text)).toEqual([text]);
  });

  it('still ends sentences at an abbreviation or initial when a new sentence plainly begins', () => {
    expect(sentences('He moved to the U.S. The move was quiet. He chose plan B. It worked. Mr. Chen agreed.')).toEqual([
      'He moved to the U.S.',
      'The move was quiet.',
      'He chose plan B.',
      'It worked.',
      'Mr. Chen agreed.',
    ]);
  });

  it('ends a sentence at "No." unless a number follows', () => {
    expect(sentences('The answer was No. Nobody agreed. See No. 10 Downing Street.')).toEqual(['The answer was No.', 'Nobody agreed.', 'See No. 10 Downing Street.']);
  });

  it('keeps a quoted question with its lower-case attribution', () => {
    expect(sentences('“Have you rebuilt?” host Mary Louise Kelly asked. “No!” He left.')).toEqual(['“Have you rebuilt?” host Mary Louise Kelly asked.', '“No!”', 'He left.']);
  });

  it('splits Chinese and Japanese sentences at their own full stops', () => {
    expect(sentences('国家安全部的新规定。反间谍法！日本語の文です。')).toEqual(['国家安全部的新规定。', '反间谍法！', '日本語の文です。']);
  });
});
