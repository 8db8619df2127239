import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { normalizeText } from '@marginalia/shared';
import { cleanTitle, proposeTitle } from './propose-title.js';

const corpus = (file: string): string => normalizeText(readFileSync(path.resolve(import.meta.dirname, '../../../../../seeds/corpus', file), 'utf8'));

describe('proposeTitle on the demo corpus', () => {
  it.each([
    // First line is the headline, with a scraper's "hasMore" glued on, then a blank line.
    ['000_c8d13b9f905d7fc4.txt', 'Analysis: Ministry of National Security makes high-profile appearance, revealing the crisis of the Chinese Communist Party'],
    // No headline: the first sentence, cut at a clause break.
    ['001_5a428ee8846bec88.txt', 'The Chinese regime is calling on its citizens to join counterespionage work…'],
    // No headline and no clause break in reach: cut at a word.
    ['002_c44857c20c1c90c5.txt', 'In recent days, the Chinese Communist Party’s Public Security Bureau and Confidentiality Bureau have…'],
    // A long headline followed by a blank line.
    ['003_76b55ea186f8c56b.txt', 'The new rules of the Chinese Communist Party’s national security, the entire population to catch secret agents, revealed the real intention'],
    // A headline directly followed by the text: short and not a sentence.
    ['004_fb33af21ea5125dd.txt', 'They’re All Spies Now: Chinese Spy Agency Calls On Society To Help With Espionage'],
  ])('%s', (file, title) => {
    expect(proposeTitle({ text: corpus(file), filename: file })).toBe(title);
  });
});

describe('proposeTitle on hostile first lines', () => {
  it('strips 40,000 trailing “Read more” in linear time, whatever follows them', () => {
    expect(proposeTitle({ text: `${' Read more'.repeat(40_000)} here\n\nBody.`, filename: 'scrape.txt' })).toBe('scrape');
    // Too long a line for a headline: its first sentence, cut.
    expect(proposeTitle({ text: `Council votes${' Read more'.repeat(40_000)}\n\nBody.`, filename: 'scrape.txt' })).toMatch(/^Council votes Read more .{0,90}…$/);
    expect(cleanTitle(`Council votes${' Read more'.repeat(40_000)}`)).toBe('Council votes');
  });

  it('titles a 13 MB single line without overflowing the stack', () => {
    expect(proposeTitle({ text: 'word | '.repeat(2_000_000).trim(), filename: 'long.txt' })).toMatch(/^word \| word/);
  });

  it('never keeps a control character', () => {
    expect(proposeTitle({ metadataTitle: 'Field\u0000report', text: 'Body.' })).toBe('Field report');
    expect(proposeTitle({ text: 'Interview\u0007plan\n\nBody.' })).toBe('Interview plan');
  });
});

describe('proposeTitle', () => {
  it('prefers the format’s own title, cleaned of a site suffix', () => {
    expect(proposeTitle({ metadataTitle: 'Council votes on harbour plan | The Coastal Courier', text: 'Body text.', filename: 'a.html' })).toBe('Council votes on harbour plan');
    expect(proposeTitle({ metadataTitle: 'Council votes - Coastal Courier', text: 'Body.', siteName: 'Coastal Courier' })).toBe('Council votes');
  });

  it('does not take a sentence for a headline unless a blank line sets it apart', () => {
    expect(proposeTitle({ text: 'The meeting began at nine.\nNobody came.', filename: 'notes.txt' })).toBe('The meeting began at nine');
    expect(proposeTitle({ text: 'The meeting began at nine.\n\nNobody came.', filename: 'notes.txt' })).toBe('The meeting began at nine');
  });

  it('cuts text without spaces at the limit', () => {
    const title = proposeTitle({ text: '国'.repeat(150), filename: 'x.txt' });
    expect([...title]).toHaveLength(101);
    expect(title.endsWith('…')).toBe(true);
  });

  it('falls back to the file name without its extension', () => {
    expect(proposeTitle({ text: '', filename: 'archive.zip/letters/field_notes.txt' })).toBe('field notes');
    expect(proposeTitle({ text: '', filename: null })).toBe('Untitled document');
  });

  it('keeps long one-line documents to a sentence', () => {
    expect(proposeTitle({ text: 'Only one line here, and it is the whole text.', filename: 'x.txt' })).toBe('Only one line here, and it is the whole text');
  });
});

describe('cleanTitle', () => {
  it.each([
    ['“Quoted headline”', 'Quoted headline'],
    ['Headline Read more', 'Headline'],
    ['Spies - a history of fear', 'Spies - a history of fear'],
    ['Spies everywhere in the city - Daily News', 'Spies everywhere in the city'],
    ['Spies everywhere in the city — example.com', 'Spies everywhere in the city'],
    ['## Markdown heading', 'Markdown heading'],
    ['Is this a question?', 'Is this a question?'],
    ['Wait for it...', 'Wait for it...'],
  ])('%s', (raw, clean) => {
    expect(cleanTitle(raw)).toBe(clean);
  });
});
