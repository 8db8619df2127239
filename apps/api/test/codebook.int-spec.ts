/**
 * The codebook over real HTTP and Postgres: a tree of any depth, edits, moves that refuse
 * cycles, merges and deletes that carry annotations along, editors adding tags only when the
 * workspace allows it, and every change audited and announced to the workspace's subscribers.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { WorkspaceEvent } from '@marginalia/shared';
import type { TestUser } from './api-client.js';
import { CollabSession, nextEvent, subscribe } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, insertDocument, registerCast, workspaceSnapshot, type Cast } from './fixtures.js';
import { ONLY_ADMINS_ADD_TAGS } from './tagging-routes.js';

describe('codebook', () => {
  let app: TestApp;
  let cast: Cast;
  let session: CollabSession;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'codebook');
    session = new CollabSession(app.baseUrl);
  });
  afterAll(async () => {
    session.close();
    await app.close();
  });

  async function tag(user: TestUser, workspaceId: string, body: Record<string, unknown>): Promise<{ id: string; [key: string]: unknown }> {
    const response = await user.client.post(`/workspaces/${workspaceId}/tags`, body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body;
  }

  async function tree(workspaceId: string): Promise<string[]> {
    const { body } = await cast.viewer.client.get(`/workspaces/${workspaceId}/tags`);
    const byId = new Map<string, { name: string; parentId: string | null; position: number }>(body.tags.map((t: { id: string }) => [t.id, t]));
    const depth = (id: string | null): number => (id ? 1 + depth(byId.get(id)!.parentId) : 0);
    return body.tags.map((t: { name: string; parentId: string | null; position: number }) => `${'  '.repeat(depth(t.parentId))}${t.position}:${t.name}`);
  }

  it('keeps a tree of any depth with definitions, criteria, examples and palette colours', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const explanations = await tag(cast.admin, workspaceId, { name: 'Explanations', definition: 'Why the campaign, according to someone.' });
    const insecurity = await tag(cast.admin, workspaceId, {
      name: 'Regime insecurity',
      parentId: explanations.id,
      color: 'vermillion',
      inclusion: 'The party fears for its hold on power.',
      exclusion: 'Fear of foreign armies (see War preparation).',
      examples: ['revealing the crisis of the Chinese Communist Party'],
    });
    const economic = await tag(cast.admin, workspaceId, { name: 'Economic worries', parentId: insecurity.id });
    await tag(cast.admin, workspaceId, { name: 'Youth unemployment', parentId: economic.id });
    await tag(cast.admin, workspaceId, { name: 'Nationalism', parentId: explanations.id });
    expect(insecurity).toMatchObject({ color: 'vermillion', examples: ['revealing the crisis of the Chinese Communist Party'], position: 0 });
    expect(explanations.color).toBe('orange');
    expect(await tree(workspaceId)).toEqual(['0:Explanations', '  0:Regime insecurity', '    0:Economic worries', '      0:Youth unemployment', '  1:Nationalism']);
  });

  it('refuses bad input with the reason and writes nothing', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const parent = await tag(cast.admin, workspaceId, { name: 'Evidence' });
    const before = await workspaceSnapshot(app.dataSource, workspaceId);
    expectApiError(await cast.admin.client.post(`/workspaces/${workspaceId}/tags`, { name: 'evidence' }), 409, 'a tag with this name already exists at this level of the codebook');
    expectApiError(await cast.admin.client.post(`/workspaces/${workspaceId}/tags`, { name: 'Leaks', color: '#ff0000' }), 400, /^invalid request body: color/);
    expectApiError(await cast.admin.client.post(`/workspaces/${workspaceId}/tags`, { name: '  ' }), 400, /name must not be empty/);
    const other = await createCastWorkspace(cast, 'Other');
    const foreign = await tag(cast.admin, other, { name: 'Foreign' });
    expectApiError(await cast.admin.client.post(`/workspaces/${workspaceId}/tags`, { name: 'Leaks', parentId: foreign.id }), 400, "parentId: no such tag in this workspace's codebook");
    expectApiError(await cast.admin.client.patch(`/workspaces/${workspaceId}/tags/${foreign.id}`, { name: 'Mine now' }), 404, 'tag not found');
    expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
    expect(parent.name).toBe('Evidence');
  });

  it('moves tags by reparenting and reordering, and refuses a move into its own subtree', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const a = await tag(cast.admin, workspaceId, { name: 'A' });
    const b = await tag(cast.admin, workspaceId, { name: 'B' });
    const c = await tag(cast.admin, workspaceId, { name: 'C' });
    const a1 = await tag(cast.admin, workspaceId, { name: 'A1', parentId: a.id });
    const a11 = await tag(cast.admin, workspaceId, { name: 'A11', parentId: a1.id });
    const move = (id: string, body: unknown) => cast.admin.client.post(`/workspaces/${workspaceId}/tags/${id}/move`, body);

    expect((await move(c.id, { parentId: null, position: 0 })).body).toMatchObject({ id: c.id, position: 0, parentId: null });
    expect(await tree(workspaceId)).toEqual(['0:C', '1:A', '  0:A1', '    0:A11', '2:B']);
    expect((await move(b.id, { parentId: a1.id, position: 0 })).status).toBe(200);
    expect(await tree(workspaceId)).toEqual(['0:C', '1:A', '  0:A1', '    0:B', '    1:A11']);

    const before = await workspaceSnapshot(app.dataSource, workspaceId);
    expectApiError(await move(a.id, { parentId: a11.id }), 400, 'parentId: a tag cannot move under itself or one of its sub-tags');
    expectApiError(await move(a.id, { parentId: a.id }), 400, 'parentId: a tag cannot move under itself or one of its sub-tags');
    expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
  });

  it('merges a tag into another: annotations follow (once), sub-tags move under the target', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Article', 'Citizens are asked to report spies to the ministry.');
    const scapegoat = await tag(cast.admin, workspaceId, { name: 'Scapegoating' });
    const blame = await tag(cast.admin, workspaceId, { name: 'Blaming foreigners' });
    const child = await tag(cast.admin, workspaceId, { name: 'Western spies', parentId: blame.id });
    const both = await cast.editor.client.post(`/workspaces/${workspaceId}/annotations`, { documentId, start: 0, end: 8, tagIds: [scapegoat.id, blame.id] });
    const onlyBlame = await cast.editor.client.post(`/workspaces/${workspaceId}/annotations`, { documentId, start: 9, end: 20, tagIds: [blame.id] });
    expect([both.status, onlyBlame.status]).toEqual([201, 201]);

    const merged = await cast.admin.client.post(`/workspaces/${workspaceId}/tags/${blame.id}/merge`, { intoTagId: scapegoat.id });
    expect(merged.body).toMatchObject({ id: scapegoat.id, name: 'Scapegoating' });
    expect(await tree(workspaceId)).toEqual(['0:Scapegoating', '  0:Western spies']);
    const { body } = await cast.viewer.client.get(`/workspaces/${workspaceId}/annotations?documentId=${documentId}`);
    expect(body.annotations.map((annotation: { tagIds: string[] }) => annotation.tagIds)).toEqual([[scapegoat.id], [scapegoat.id]]);
    expectApiError(await cast.admin.client.post(`/workspaces/${workspaceId}/tags/${scapegoat.id}/merge`, { intoTagId: child.id }), 400, 'intoTagId: a tag cannot be merged into one of its own sub-tags');
  });

  it('deletes a tag, moving its annotations to another tag or deleting those left without a tag', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Article', 'The ministry opened a hotline. Rewards reach 100,000 yuan.');
    const [hotline, rewards, keep] = [await tag(cast.admin, workspaceId, { name: 'Hotline' }), await tag(cast.admin, workspaceId, { name: 'Rewards' }), await tag(cast.admin, workspaceId, { name: 'Keep' })];
    const sub = await tag(cast.admin, workspaceId, { name: 'Phone numbers', parentId: hotline.id });
    const annotate = async (start: number, end: number, tagIds: string[]) => (await cast.editor.client.post(`/workspaces/${workspaceId}/annotations`, { documentId, start, end, tagIds })).body.id as string;
    const onlyHotline = await annotate(4, 12, [hotline.id]);
    const hotlineAndKeep = await annotate(13, 30, [hotline.id, keep.id]);
    await annotate(31, 38, [rewards.id]);

    expectApiError(await cast.admin.client.delete(`/workspaces/${workspaceId}/tags/${hotline.id}?annotations=move`), 400, /moveTo is needed with annotations=move/);
    expect((await cast.admin.client.delete(`/workspaces/${workspaceId}/tags/${rewards.id}?annotations=move&moveTo=${keep.id}`)).status).toBe(204);
    expect((await cast.admin.client.delete(`/workspaces/${workspaceId}/tags/${hotline.id}?annotations=delete`)).status).toBe(204);

    const { body } = await cast.viewer.client.get(`/workspaces/${workspaceId}/annotations`);
    expect(body.annotations.map((annotation: { id: string; tagIds: string[] }) => annotation.tagIds)).toEqual([[keep.id], [keep.id]]);
    expect(body.annotations.map((annotation: { id: string }) => annotation.id)).not.toContain(onlyHotline);
    expect(body.annotations.map((annotation: { id: string }) => annotation.id)).toContain(hotlineAndKeep);
    expect(await tree(workspaceId)).toEqual(['0:Keep', '1:Phone numbers']);
    expect(sub.name).toBe('Phone numbers');
  });

  it('lets editors add tags only when an admin allows it; editing the codebook stays with admins', async () => {
    const workspaceId = await createCastWorkspace(cast);
    expectApiError(await cast.editor.client.post(`/workspaces/${workspaceId}/tags`, { name: 'Quick code' }), 403, ONLY_ADMINS_ADD_TAGS);
    expect((await cast.admin.client.patch(`/workspaces/${workspaceId}/coding-settings`, { editorsCreateTags: true })).body).toMatchObject({ editorsCreateTags: true });
    const created = await tag(cast.editor, workspaceId, { name: 'Quick code' });
    expectApiError(await cast.editor.client.patch(`/workspaces/${workspaceId}/tags/${created.id}`, { name: 'Renamed' }), 403, 'this needs the admin role or higher; you are editor');
  });

  it('audits every codebook change and tells subscribers as it commits', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const subscriber = await session.socket(cast.viewer);
    expect(await subscribe(subscriber, { workspaceId })).toEqual({ ok: true });
    const next = (type: WorkspaceEvent['type']) => nextEvent<WorkspaceEvent>(subscriber, 'workspace-event', (event) => event.type === type && event.workspaceId === workspaceId);

    const created = next('codebook.changed');
    const first = await tag(cast.admin, workspaceId, { name: 'Stances' });
    expect(await created).toMatchObject({ type: 'codebook.changed', ids: [first.id], byUserId: cast.admin.id });
    const second = await tag(cast.admin, workspaceId, { name: 'Support' });
    const renamed = next('codebook.changed');
    await cast.admin.client.patch(`/workspaces/${workspaceId}/tags/${second.id}`, { name: 'Supports the campaign' });
    expect(await renamed).toMatchObject({ ids: [second.id] });
    await cast.admin.client.post(`/workspaces/${workspaceId}/tags/${second.id}/move`, { parentId: first.id });
    await cast.admin.client.patch(`/workspaces/${workspaceId}/coding-settings`, { blindCoding: true });
    await cast.admin.client.delete(`/workspaces/${workspaceId}/tags/${second.id}?annotations=delete`);

    const { body } = await cast.admin.client.get(`/workspaces/${workspaceId}/audit`);
    expect(body.entries.map((entry: { action: string }) => entry.action).slice(0, 6)).toEqual(['tag.deleted', 'coding.settingsChanged', 'tag.moved', 'tag.updated', 'tag.created', 'tag.created']);
    expect(body.entries[3].details).toMatchObject({ tagId: second.id, name: 'Supports the campaign', from: 'Support' });
  });
});
