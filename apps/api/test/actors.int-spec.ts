import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, insertDocument, registerCast, type Cast } from './fixtures.js';

const ARTICLE = [
  'China wants the public to catch spies.',
  '“It is about loyalty,” said Su Tzu-yun, a senior analyst at the Institute for National Defense and Security Research.',
  'Shen Mingshi stated that fear is the point. Shen Mingshi further explained that trust suffers.',
  'The Public Security Bureau stated that training is needed.',
].join('\n');

describe('actors, candidates and attributions', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'actors');
  });
  afterAll(async () => {
    await app.close();
  });

  async function workspaceWithArticle(): Promise<{ workspaceId: string; documentId: string; base: string }> {
    const workspaceId = await createCastWorkspace(cast);
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Spy hunt', ARTICLE);
    return { workspaceId, documentId, base: `/workspaces/${workspaceId}` };
  }

  it('proposes the people quoted, with the sentences as evidence, and never creates actors on its own', async () => {
    const { base, documentId } = await workspaceWithArticle();
    const refreshed = await cast.editor.client.post(`${base}/actor-candidates/refresh`);
    expect(refreshed.status).toBe(200);
    const byName = Object.fromEntries(refreshed.body.candidates.map((candidate: { name: string }) => [candidate.name, candidate]));
    expect(Object.keys(byName).sort()).toEqual(['Shen Mingshi', 'Su Tzu-yun']);
    expect(byName['Su Tzu-yun']).toMatchObject({ affiliation: 'senior analyst at the Institute for National Defense and Security Research', status: 'pending' });
    expect(byName['Shen Mingshi'].evidence).toHaveLength(2);
    const detail = await cast.viewer.client.get(`${base}/documents/${documentId}`);
    for (const evidence of byName['Shen Mingshi'].evidence) {
      expect([...detail.body.text].slice(evidence.start, evidence.end).join('')).toBe(evidence.quote);
    }
    expect((await cast.viewer.client.get(`${base}/actors`)).body.actors).toEqual([]);
  });

  it('accepts a candidate (edited), attributing its evidence, and lists documents by actor', async () => {
    const { base, documentId } = await workspaceWithArticle();
    const { body } = await cast.editor.client.post(`${base}/actor-candidates/refresh`);
    const su = body.candidates.find((candidate: { name: string }) => candidate.name === 'Su Tzu-yun');
    const accepted = await cast.editor.client.post(`${base}/actor-candidates/${su.id}/accept`, { affiliation: 'INDSR' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ name: 'Su Tzu-yun', affiliation: 'INDSR', attributionCount: 1 });
    const attributions = await cast.viewer.client.get(`${base}/documents/${documentId}/attributions`);
    expect(attributions.body.attributions).toEqual([expect.objectContaining({ actorId: accepted.body.id, start: su.evidence[0].start, end: su.evidence[0].end })]);
    const filtered = await cast.viewer.client.get(`${base}/documents?actorId=${accepted.body.id}`);
    expect(filtered.body.documents.map((document: { id: string }) => document.id)).toEqual([documentId]);
    expectApiError(await cast.editor.client.post(`${base}/actor-candidates/${su.id}/accept`, {}), 409, 'this candidate has already been accepted');
  });

  it('keeps dismissed candidates dismissed when looking again, and restores them on request', async () => {
    const { base } = await workspaceWithArticle();
    const { body } = await cast.editor.client.post(`${base}/actor-candidates/refresh`);
    const shen = body.candidates.find((candidate: { name: string }) => candidate.name === 'Shen Mingshi');
    expect((await cast.editor.client.post(`${base}/actor-candidates/${shen.id}/dismiss`)).body.status).toBe('dismissed');
    const again = await cast.editor.client.post(`${base}/actor-candidates/refresh`);
    expect(again.body.candidates.map((candidate: { name: string }) => candidate.name)).toEqual(['Su Tzu-yun']);
    const dismissed = await cast.viewer.client.get(`${base}/actor-candidates?status=dismissed`);
    expect(dismissed.body.candidates.map((candidate: { name: string }) => candidate.name)).toEqual(['Shen Mingshi']);
    // Dismissing is not final: restored, the candidate is pending again and can be accepted.
    expect((await cast.editor.client.post(`${base}/actor-candidates/${shen.id}/restore`)).body.status).toBe('pending');
    const pending = await cast.viewer.client.get(`${base}/actor-candidates?status=pending`);
    expect(pending.body.candidates.map((candidate: { name: string }) => candidate.name).sort()).toEqual(['Shen Mingshi', 'Su Tzu-yun']);
    expect((await cast.viewer.client.get(`${base}/actor-candidates?status=dismissed`)).body.candidates).toEqual([]);
    expect((await cast.editor.client.post(`${base}/actor-candidates/${shen.id}/accept`, {})).status).toBe(200);
    expectApiError(await cast.editor.client.post(`${base}/actor-candidates/${shen.id}/restore`), 409, 'this candidate has already been accepted; it is an actor now');
  });

  it('creates, renames and deletes actors; names are unique ignoring case; deleting removes attributions', async () => {
    const { base, documentId } = await workspaceWithArticle();
    const created = await cast.editor.client.post(`${base}/actors`, { name: 'Yao Yuan', affiliation: 'St. Thomas University' });
    expect(created.status).toBe(201);
    expectApiError(await cast.editor.client.post(`${base}/actors`, { name: 'yao yuan' }), 409, 'an actor named "yao yuan" already exists in this workspace');
    const renamed = await cast.editor.client.patch(`${base}/actors/${created.body.id}`, { description: 'Quoted on public confidence.' });
    expect(renamed.body.description).toBe('Quoted on public confidence.');
    const attribution = await cast.editor.client.post(`${base}/documents/${documentId}/attributions`, { actorId: created.body.id, start: 0, end: 5 });
    expect(attribution.status).toBe(201);
    expect(attribution.body.passageId).toEqual(expect.any(String));
    expect((await cast.editor.client.delete(`${base}/actors/${created.body.id}`)).status).toBe(204);
    expect((await cast.viewer.client.get(`${base}/documents/${documentId}/attributions`)).body.attributions).toEqual([]);
  });

  it('refuses spans outside the document and actors of another workspace, changing nothing', async () => {
    const { base, documentId } = await workspaceWithArticle();
    const other = await workspaceWithArticle();
    const actor = await cast.editor.client.post(`${base}/actors`, { name: 'Li Linyi' });
    const foreignActor = await cast.editor.client.post(`${other.base}/actors`, { name: 'Cai Shunkun' });
    const length = [...ARTICLE].length;
    expectApiError(await cast.editor.client.post(`${base}/documents/${documentId}/attributions`, { actorId: actor.body.id, start: 10, end: length + 1 }), 400, `the span ends after the document (it has ${length} characters)`);
    expectApiError(await cast.editor.client.post(`${base}/documents/${documentId}/attributions`, { actorId: actor.body.id, start: 10, end: 10 }), 400, 'end must be greater than start');
    expectApiError(await cast.editor.client.post(`${base}/documents/${documentId}/attributions`, { actorId: foreignActor.body.id, start: 0, end: 5 }), 404, 'actor not found');
    expectApiError(await cast.editor.client.post(`${base}/documents/${other.documentId}/attributions`, { actorId: actor.body.id, start: 0, end: 5 }), 404, 'document not found');
    expect((await cast.viewer.client.get(`${base}/documents/${documentId}/attributions`)).body.attributions).toEqual([]);
  });

  it('lets viewers read actors but only editors change them', async () => {
    const { base } = await workspaceWithArticle();
    expect((await cast.viewer.client.get(`${base}/actors`)).status).toBe(200);
    expect((await cast.viewer.client.get(`${base}/actor-candidates`)).status).toBe(200);
    expectApiError(await cast.commenter.client.post(`${base}/actors`, { name: 'Someone' }), 403);
    expectApiError(await cast.viewer.client.post(`${base}/actor-candidates/refresh`), 403);
    expectApiError(await cast.outsider.client.get(`${base}/actors`), 404, 'workspace not found');
  });
});
