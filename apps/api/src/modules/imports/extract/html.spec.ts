import { describe, expect, it } from '@jest/globals';
import { fixture } from './fixtures.js';
import { extractHtml } from './html.js';

describe('extractHtml', () => {
  it('keeps the article text and none of the scripts, styles, navigation or furniture', () => {
    const extracted = extractHtml(fixture('article.html'), null);
    expect(extracted.text).toContain('The town council voted on Tuesday to approve the harbour redevelopment plan');
    expect(extracted.text).toContain('“We have waited twenty years for this,” said the mayor');
    expect(extracted.text).toContain('before the vote was taken & counted.');
    expect(extracted.text).not.toMatch(/SHOULD-NOT-APPEAR|font-family|trackingId/);
    // Paragraphs stay paragraphs.
    expect(extracted.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
  });

  it('reads the page’s metadata', () => {
    expect(extractHtml(fixture('article.html'), null)).toMatchObject({
      title: 'Council votes on harbour plan',
      author: 'Ines Duarte',
      publishedOn: '2023-08-01',
      url: 'https://courier.example/news/harbour-plan',
      language: 'en-GB',
      source: 'The Coastal Courier',
    });
  });

  it('falls back to the body without its furniture when there is no article to find', () => {
    const html = '<html><head><title>Tiny</title></head><body><nav>Menu</nav><p>Just one short line.</p><p>And a second.</p><footer>Footer</footer></body></html>';
    const extracted = extractHtml(Buffer.from(html), null);
    expect(extracted.title).toBe('Tiny');
    expect(extracted.text).toBe('Just one short line.\n\nAnd a second.');
  });

  it('honours a declared legacy charset', () => {
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'), Buffer.from([0xe9]), Buffer.from('</title></head><body><p>Cr'), Buffer.from([0xe8]), Buffer.from('me br'), Buffer.from([0xfb]), Buffer.from('l'), Buffer.from([0xe9, 0x2e]), Buffer.from('</p></body></html>')]);
    const extracted = extractHtml(html, null);
    expect(extracted.title).toBe('Café');
    expect(extracted.text).toBe('Crème brûlé.');
  });

  it('reads 12,000 sibling elements in linear time', () => {
    // linkedom rebuilds childNodes on every access, and a regex over the growing paragraph rescanned it per text node.
    const html = `<html><head><title>Siblings</title></head><body><p>${'<i>x</i> '.repeat(12_000)}</p></body></html>`;
    expect(extractHtml(Buffer.from(html), null).text).toBe('x '.repeat(12_000).trim());
  });

  it('refuses a page of more elements than a document may have, before parsing it', () => {
    const html = `<html><body><p>${'<i>x</i>'.repeat(500_001)}</p></body></html>`;
    expect(() => extractHtml(Buffer.from(html), null)).toThrow(/^the file is too complex: it has more than 500,000 elements/);
  });

  it('takes a NUL out of the title', () => {
    expect(extractHtml(Buffer.from('<html><head><title>Council\u0000votes</title></head><body><p>Text.</p></body></html>'), null).title).toBe('Council votes');
  });

  it('survives deeply nested markup', () => {
    const html = `<html><body>${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}</body></html>`;
    expect(extractHtml(Buffer.from(html), null).text).toBe('deep text');
  });
});
