import { describe, expect, it } from '@jest/globals';
import { extractDocx } from './docx.js';
import { fixture } from './fixtures.js';

describe('extractDocx', () => {
  it('keeps paragraphs and reads title and author from the core properties', async () => {
    expect(await extractDocx(fixture('memo.docx'))).toEqual({
      text: 'Memo on the harbour plan\n\nThe council approved the plan on Tuesday.\n\nFishermen & traders were not consulted, according to the union.\n\n',
      title: 'Harbour memo',
      author: 'Jonas Berg',
    });
  });

  it('refuses a ZIP that is not a DOCX', async () => {
    await expect(extractDocx(fixture('batch.zip'))).rejects.toMatchObject({ reason: 'unreadable', detail: expect.stringMatching(/no word\/document.xml/) });
  });
});
