import { describe, expect, it } from '@jest/globals';
import { fixture } from './fixtures.js';
import { extractMarkdown, markdownToText } from './markdown.js';

describe('extractMarkdown on hostile input', () => {
  it('drops a flood of emphasis markers instead of matching each against the rest of the block', () => {
    const extracted = extractMarkdown(Buffer.from(`# Title\n\n${'_a'.repeat(20_000)} ${'a_'.repeat(20_000)}\n\nA *normal* paragraph.`), null);
    expect(extracted.text).toBe(`Title\n\n${'a'.repeat(20_000)} ${'a'.repeat(20_000)}\n\nA normal paragraph.`);
  });

  it('takes control characters out of the title', () => {
    expect(extractMarkdown(Buffer.from('# Interview\u0000plan\n\nText.'), null).title).toBe('Interview plan');
  });
});

describe('markdown', () => {
  it('keeps the reading text: headings and list items on their own lines, links as their text, no markup', () => {
    const { text, title } = extractMarkdown(fixture('notes.md'), null);
    expect(title).toBe('Interview plan');
    expect(text).toBe(
      [
        'Interview plan',
        'Ask about the harbour and the council minutes.',
        'Questions',
        'Who chairs the meeting?\nWhat changed in spring?\nFollow-up on the crane rota',
        'First contact\nSecond contact',
        'The quote we want to check.',
        'code stays as it is',
        'Fish & chips cost £4 — cheap.',
      ].join('\n\n'),
    );
  });

  it('decodes entities and drops inline HTML and images', () => {
    expect(markdownToText('A &amp; B &copy; <b>bold</b> ![a chart](c.png) \\*literal\\*')).toBe('A & B © bold  *literal*');
  });

  it('writes table rows as lines of tab-separated cells', () => {
    expect(markdownToText('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('a\tb\n1\t2');
  });
});
