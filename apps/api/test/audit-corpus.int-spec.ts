/**
 * The audit log also keeps what admins look for first in a corpus: imports, edits and deletions
 * of documents, attributions made and removed, each written in the transaction of the change,
 * naming who did it; a refused change leaves no entry.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ImportJob } from '@marginalia/shared';
import { createTestApp, type TestApp } from './create-test-app.js';
import { auditCount, createCastWorkspace, registerCast, type Cast } from './fixtures.js';
import { pollJob } from './fixtures/imports/import-client.js';

describe('audit of corpus changes', () => {
  let app: TestApp;
  let cast: Cast;
  let workspaceId: string;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'auditcorpus');
    workspaceId = await createCastWorkspace(cast);
  });
  afterAll(async () => {
    await app.close();
  });

  async function newest(): Promise<{ action: string; actor: { displayName: string } | null; details: Record<string, unknown> }> {
    const response = await cast.owner.client.get(`/workspaces/${workspaceId}/audit?limit=1`);
    expect(response.status).toBe(200);
    return response.body.entries[0];
  }

  it('records an import, an edit, an attribution made and removed, and a deletion', async () => {
    const { editor } = cast;
    const posted = await editor.client.post<ImportJob>(`/workspaces/${workspaceId}/imports`, { text: 'Minister Wang said the campaign works.\n\nA second paragraph.', title: 'Briefing' });
    expect(posted.status).toBe(202);
    const job = (await pollJob(editor.client, workspaceId, posted.body.id)).at(-1)!;
    const documentId = job.files[0]!.documentId!;
    expect(await newest()).toMatchObject({ action: 'import.finished', actor: { displayName: editor.displayName }, details: { jobId: job.id, imported: 1, refused: 0, titles: ['Briefing'] } });

    let before = await auditCount(app.dataSource, workspaceId);
    const refused = await editor.client.patch(`/workspaces/${workspaceId}/documents/${documentId}`, { publishedOn: 'not a date' });
    expect(refused.status).toBe(400);
    expect(await auditCount(app.dataSource, workspaceId)).toBe(before);
    expect((await editor.client.patch(`/workspaces/${workspaceId}/documents/${documentId}`, { title: 'Morning briefing', author: 'Staff' })).status).toBe(200);
    expect(await newest()).toMatchObject({ action: 'document.updated', actor: { displayName: editor.displayName }, details: { documentId, title: 'Morning briefing', changed: 'title, author' } });

    const actor = await editor.client.post(`/workspaces/${workspaceId}/actors`, { name: 'Wang Yi' });
    expect(actor.status).toBe(201);
    const attribution = await editor.client.post(`/workspaces/${workspaceId}/documents/${documentId}/attributions`, { actorId: actor.body.id, start: 0, end: 38 });
    expect(attribution.status).toBe(201);
    expect(await newest()).toMatchObject({ action: 'attribution.created', details: { attributionId: attribution.body.id, actor: 'Wang Yi', document: 'Morning briefing', start: 0, end: 38 } });
    expect((await editor.client.delete(`/workspaces/${workspaceId}/attributions/${attribution.body.id}`)).status).toBe(204);
    expect(await newest()).toMatchObject({ action: 'attribution.deleted', actor: { displayName: editor.displayName }, details: { attributionId: attribution.body.id, actor: 'Wang Yi' } });

    before = await auditCount(app.dataSource, workspaceId);
    expect((await cast.viewer.client.delete(`/workspaces/${workspaceId}/documents/${documentId}`)).status).toBe(403);
    expect(await auditCount(app.dataSource, workspaceId)).toBe(before);
    expect((await editor.client.delete(`/workspaces/${workspaceId}/documents/${documentId}`)).status).toBe(204);
    expect(await newest()).toMatchObject({ action: 'document.deleted', actor: { displayName: editor.displayName }, details: { documentId, title: 'Morning briefing' } });
  });
});
