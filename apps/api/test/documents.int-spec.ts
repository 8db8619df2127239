import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, insertDocument, registerCast, type Cast } from './fixtures.js';

/** Characters outside the Basic Multilingual Plane: one code point, two UTF-16 units each. */
const NON_BMP_TEXT = '😀 Emoji first line.\r\n\r\n𠀋 rare CJK, then 間諜 and more.   \nLast 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 line.';

describe('corpus documents', () => {
  let app: TestApp;
  let cast: Cast;
  let workspaceId: string;
  let base: string;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'docs');
    workspaceId = await createCastWorkspace(cast);
    base = `/workspaces/${workspaceId}/documents`;
  });
  afterAll(async () => {
    await app.close();
  });

  it('normalises the text once and segments it into passages and sentences with code point offsets', async () => {
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Unicode', NON_BMP_TEXT);
    const { body, status } = await cast.viewer.client.get(`${base}/${documentId}`);
    expect(status).toBe(200);
    expect(body.text).toBe('😀 Emoji first line.\n\n𠀋 rare CJK, then 間諜 and more.\nLast 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 line.');
    const codePoints = [...body.text];
    expect(body.characterCount).toBe(codePoints.length);
    const passages = body.passages.map((passage: { start: number; end: number }) => codePoints.slice(passage.start, passage.end).join(''));
    expect(passages).toEqual(['😀 Emoji first line.', '𠀋 rare CJK, then 間諜 and more.', 'Last 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 line.']);
    expect(body.passages.map((passage: { index: number }) => passage.index)).toEqual([0, 1, 2]);
    for (const passage of body.passages) {
      for (const sentence of passage.sentences) {
        expect(sentence.start).toBeGreaterThanOrEqual(passage.start);
        expect(sentence.end).toBeLessThanOrEqual(passage.end);
      }
    }
  });

  it('splits hard-wrapped text into paragraphs at blank lines, and news text at line breaks', async () => {
    const wrapped = 'This paragraph is wrapped\nat a fixed width so its lines\ncontinue one another and\nend only here.\n\nA second paragraph that\nalso wraps over lines.';
    const wrappedId = await insertDocument(app.dataSource, workspaceId, 'Wrapped', wrapped);
    expect((await cast.viewer.client.get(`${base}/${wrappedId}`)).body.passages).toHaveLength(2);
    const news = 'Headline of the day\nFirst paragraph ends here.\nSecond paragraph ends here.\nThird one too.';
    const newsId = await insertDocument(app.dataSource, workspaceId, 'News', news);
    expect((await cast.viewer.client.get(`${base}/${newsId}`)).body.passages).toHaveLength(4);
  });

  it('edits metadata (editors), clears the proposed-title flag, and refuses bad values without changing anything', async () => {
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Proposed', 'Some text.');
    await app.dataSource.query(`UPDATE documents SET title_proposed = true WHERE id = $1`, [documentId]);
    const updated = await cast.editor.client.patch(`${base}/${documentId}`, {
      title: 'Confirmed title',
      source: 'Epoch Times',
      author: 'Staff',
      publishedOn: '2023-08-01',
      url: 'https://example.org/a',
      language: 'en',
      fields: { section: 'China' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: 'Confirmed title', titleProposed: false, source: 'Epoch Times', publishedOn: '2023-08-01', fields: { section: 'China' } });
    expectApiError(await cast.editor.client.patch(`${base}/${documentId}`, { publishedOn: '1 Aug 2023' }), 400);
    expectApiError(await cast.editor.client.patch(`${base}/${documentId}`, { url: 'javascript:alert(1)' }), 400);
    expectApiError(await cast.editor.client.patch(`${base}/${documentId}`, { text: 'rewritten' }), 400, /unknown field\(s\): text/);
    expectApiError(await cast.commenter.client.patch(`${base}/${documentId}`, { title: 'Nope' }), 403);
    const after = await cast.viewer.client.get(`${base}/${documentId}`);
    expect(after.body).toMatchObject({ title: 'Confirmed title', publishedOn: '2023-08-01', url: 'https://example.org/a', text: 'Some text.' });
  });

  it('lists with sorting and metadata filters', async () => {
    const listWorkspace = await createCastWorkspace(cast, 'Sorting');
    const listBase = `/workspaces/${listWorkspace}/documents`;
    const ids = await Promise.all(['Beta', 'alpha', 'Gamma'].map((title) => insertDocument(app.dataSource, listWorkspace, title, `Text of ${title} ${'x'.repeat(title.length * 10)}`)));
    await cast.editor.client.patch(`${listBase}/${ids[0]}`, { source: 'Reuters', publishedOn: '2023-04-26' });
    await cast.editor.client.patch(`${listBase}/${ids[2]}`, { source: 'reuters', publishedOn: '2023-08-01' });
    const titles = async (query: string): Promise<string[]> => (await cast.viewer.client.get(`${listBase}${query}`)).body.documents.map((document: { title: string }) => document.title);
    expect(await titles('')).toEqual(['alpha', 'Beta', 'Gamma']);
    expect(await titles('?sort=title&order=desc')).toEqual(['Gamma', 'Beta', 'alpha']);
    expect(await titles('?sort=publishedOn')).toEqual(['Beta', 'Gamma', 'alpha']);
    expect(await titles('?source=REUTERS')).toEqual(['Beta', 'Gamma']);
    expect(await titles('?publishedFrom=2023-05-01')).toEqual(['Gamma']);
    expect(await titles('?title=ph')).toEqual(['alpha']);
    expect(await titles('?title=%25')).toEqual([]);
    expectApiError(await cast.viewer.client.get(`${listBase}?sort=text`), 400);
  });

  it('deletes a document with its passages and attributions (editors only)', async () => {
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Doomed', 'Going away soon.');
    const actor = await cast.editor.client.post(`/workspaces/${workspaceId}/actors`, { name: 'Doomed Speaker' });
    await cast.editor.client.post(`${base}/${documentId}/attributions`, { actorId: actor.body.id, start: 0, end: 5 });
    expectApiError(await cast.viewer.client.delete(`${base}/${documentId}`), 403);
    expect((await cast.editor.client.delete(`${base}/${documentId}`)).status).toBe(204);
    expectApiError(await cast.viewer.client.get(`${base}/${documentId}`), 404, 'document not found');
    const leftovers = (await app.dataSource.query(`SELECT (SELECT count(*) FROM passages WHERE document_id = $1)::int AS passages, (SELECT count(*) FROM attributions WHERE document_id = $1)::int AS attributions`, [documentId])) as { passages: number; attributions: number }[];
    expect(leftovers[0]).toEqual({ passages: 0, attributions: 0 });
  });
});
