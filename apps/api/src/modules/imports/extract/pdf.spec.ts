import { describe, expect, it } from '@jest/globals';
import { fixture } from './fixtures.js';
import { extractPdf } from './pdf.js';
import { pageParagraphs, type TextFragment } from './pdf-lines.js';

const line = (str: string, y: number, x = 72): TextFragment => ({ str, x, y, width: str.length * 5, height: 11, hasEOL: true });

describe('pageParagraphs', () => {
  it('joins wrapped lines into paragraphs, splits at wider gaps and rejoins hyphenated words', () => {
    const paragraphs = pageParagraphs([line('The survey team visited', 720), line('eleven house-', 706), line('holds in all.', 692), line('A second paragraph.', 660)]);
    expect(paragraphs).toEqual(['The survey team visited eleven households in all.', 'A second paragraph.']);
  });

  it('puts fragments of one baseline on one line, with a space where they are apart', () => {
    const fragments: TextFragment[] = [
      { str: 'Left', x: 72, y: 700, width: 20, height: 10, hasEOL: false },
      { str: 'right', x: 120, y: 700, width: 25, height: 10, hasEOL: true },
    ];
    expect(pageParagraphs(fragments)).toEqual(['Left right']);
  });

  it('keeps a hyphen before a capital or a number', () => {
    expect(pageParagraphs([line('Franco-', 700), line('German relations', 686)])).toEqual(['Franco-German relations']);
  });
});

describe('extractPdf', () => {
  it('reads the text layer as paragraphs, with title and author from the document info', async () => {
    const extracted = await extractPdf(fixture('report.pdf'));
    expect(extracted.title).toBe('Quarterly field report');
    expect(extracted.author).toBe('Ana Souza');
    expect(extracted.text).toBe(
      'The survey team visited eleven villages in the northern district during the dry season and recorded the water supply of each household they could reach.\n\n' +
        'Most wells had fallen by more than a metre since the previous visit, and two had dried up completely.',
    );
  });

  it('refuses a PDF without a text layer, saying why', async () => {
    await expect(extractPdf(fixture('scan.pdf'))).rejects.toMatchObject({ reason: 'empty', detail: expect.stringMatching(/no text layer.*no OCR/) });
  });

  it('refuses a damaged PDF as unreadable', async () => {
    await expect(extractPdf(Buffer.from('%PDF-1.4\nthis is not really a PDF'))).rejects.toMatchObject({ reason: 'unreadable' });
  });

  it('leaves the process’s JSON and Array built-ins as they were (pdf.js’s polyfills would slow them down)', async () => {
    const natives = [JSON.parse, JSON.stringify, Array.prototype.push];
    await extractPdf(fixture('report.pdf'));
    expect([JSON.parse, JSON.stringify, Array.prototype.push]).toEqual(natives);
  });

  it('stops reading once the text is over the limit', async () => {
    await expect(extractPdf(fixture('report.pdf'), 50)).rejects.toMatchObject({ reason: 'too_large' });
  });
});
