/**
 * The anchor resolver that annotations use now and comments and map evidence will: text anchors
 * are checked against this workspace's document (quote cut by Postgres in code points, the same
 * as the shared quoteOf), element anchors against this workspace's collaborative documents.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { quoteOf } from '@marginalia/shared';
import { AnchorResolver } from '../src/modules/anchors/anchor-resolver.service.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, insertDocument, registerCast, type Cast } from './fixtures.js';

// Emoji, CJK Extension B and a combining accent, with more than 32 characters either side.
const TEXT = `${'Preamble of the notice. '.repeat(3)}Spies 😀 and 𠀋𠀋 ideograms, café; ${'the end of the notice. '.repeat(3)}`;

describe('anchor resolver', () => {
  let app: TestApp;
  let cast: Cast;
  let resolver: AnchorResolver;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'anchors');
    resolver = app.get(AnchorResolver);
  });
  afterAll(async () => {
    await app.close();
  });

  it('cuts the same quote as the shared quoteOf at every offset, in code points', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Notice', TEXT);
    const stored = ((await app.dataSource.query(`SELECT text FROM documents WHERE id = $1`, [documentId])) as [{ text: string }])[0].text;
    const length = [...stored].length;
    for (let start = 0; start < length; start += 7) {
      const end = Math.min(length, start + 1 + (start % 11));
      const anchor = await resolver.resolveText(workspaceId, { documentId, start, end });
      expect(anchor).toEqual({ kind: 'text', documentId, start, end, quote: quoteOf(stored, start, end) });
    }
  });

  it('resolves element anchors only in collaborative documents of this workspace', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const other = await createCastWorkspace(cast, 'Other');
    const notebook = (await cast.viewer.client.get(`/workspaces/${workspaceId}/notebook`)).body.docName as string;
    await expect(resolver.resolveElement(workspaceId, { docName: notebook, elementId: 'paragraph-1' })).resolves.toEqual({ kind: 'element', docName: notebook, elementId: 'paragraph-1' });
    await expect(resolver.resolveElement(other, { docName: notebook, elementId: 'paragraph-1' })).rejects.toThrow('docName: no such collaborative document in this workspace');
  });
});
