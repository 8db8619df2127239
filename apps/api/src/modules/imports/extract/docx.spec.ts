import { describe, expect, it } from '@jest/globals';
import { extractDocx, xmlElement } from './docx.js';
import { fixture } from './fixtures.js';

describe('extractDocx', () => {
  it('keeps paragraphs and reads title and author from the core properties', async () => {
    expect(await extractDocx(fixture('memo.docx'))).toEqual({
      text: 'Memo on the harbour plan\n\nThe council approved the plan on Tuesday.\n\nFishermen & traders were not consulted, according to the union.\n\n',
      title: 'Harbour memo',
      author: 'Jonas Berg',
    });
  });

  it('finds an element’s text in linear time, even after 100,000 unclosed start tags', () => {
    expect(xmlElement('<dc:title>'.repeat(100_000), 'dc:title')).toBeNull();
    expect(xmlElement('<dc:titles>x</dc:titles><dc:title lang="en">Harbour &amp; \u0000memo</dc:title>', 'dc:title')).toBe('Harbour & memo');
  });

  it('refuses a body of more elements than a document may have, before parsing it', async () => {
    const { hostileCorpus } = await import('../../../../test/fixtures/imports/hostile-corpus.mjs');
    const flood = hostileCorpus().find((file) => file.name === 'paragraph-flood.docx')!;
    await expect(extractDocx(Buffer.from(flood.content()))).rejects.toMatchObject({ reason: 'too_complex', detail: expect.stringMatching(/^the file is too complex: it has more than 500,000 elements/) });
  });

  it('refuses a ZIP that is not a DOCX', async () => {
    await expect(extractDocx(fixture('batch.zip'))).rejects.toMatchObject({ reason: 'unreadable', detail: expect.stringMatching(/no word\/document.xml/) });
  });
});
