/**
 * Annotations over real HTTP and Postgres: offsets in code points (emoji, CJK Extension B) with
 * the quote computed by the server, spans across passages, bad input refused with the reason
 * and nothing written, own-versus-any rights, blind coding enforced by the API, and consensus
 * annotations kept apart.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { quoteOf, type WorkspaceEvent } from '@marginalia/shared';
import type { TestUser } from './api-client.js';
import { CollabSession, nextEvent, subscribe } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, insertDocument, registerCast, workspaceSnapshot, type Cast } from './fixtures.js';
import { OWN_ANNOTATIONS_ONLY } from './tagging-routes.js';

// Two passages; "😀" (U+1F600) and "𠀋" (U+2000B) are one code point each, two UTF-16 units.
const TEXT = 'The ministry 😀 posted a notice.\n\nCitizens 𠀋𠀋 must report spies at once.';
/** Code point offset of the first occurrence of `needle`. */
const cp = (needle: string): number => [...TEXT.slice(0, TEXT.indexOf(needle))].length;

describe('annotations', () => {
  let app: TestApp;
  let cast: Cast;
  let session: CollabSession;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'annotations');
    session = new CollabSession(app.baseUrl);
  });
  afterAll(async () => {
    session.close();
    await app.close();
  });

  async function workspace(): Promise<{ workspaceId: string; documentId: string; tagId: string; otherTagId: string; base: string }> {
    const workspaceId = await createCastWorkspace(cast);
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Notice', TEXT);
    const tagId = (await cast.admin.client.post(`/workspaces/${workspaceId}/tags`, { name: 'Mobilisation' })).body.id as string;
    const otherTagId = (await cast.admin.client.post(`/workspaces/${workspaceId}/tags`, { name: 'Evidence' })).body.id as string;
    return { workspaceId, documentId, tagId, otherTagId, base: `/workspaces/${workspaceId}` };
  }

  it('anchors in code points and quotes what a reader sees, also across passages', async () => {
    const { base, documentId, tagId, otherTagId } = await workspace();
    const start = cp('😀');
    const end = cp(' must');
    const created = await cast.editor.client.post(`${base}/annotations`, { documentId, start, end, tagIds: [tagId, otherTagId], memo: '  spans both passages  ', exact: [...TEXT].slice(start, end).join('') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ documentId, start, end, quote: quoteOf(TEXT, start, end), memo: 'spans both passages', kind: 'analyst', analystId: cast.editor.id });
    expect(created.body.quote.exact).toBe('😀 posted a notice.\n\nCitizens 𠀋𠀋');
    expect([...created.body.tagIds].sort()).toEqual([tagId, otherTagId].sort());

    const cjk = await cast.editor.client.post(`${base}/annotations`, { documentId, start: cp('𠀋'), end: cp('𠀋') + 2, tagIds: [tagId] });
    expect(cjk.body.quote).toEqual({ exact: '𠀋𠀋', prefix: quoteOf(TEXT, cp('𠀋'), cp('𠀋') + 2).prefix, suffix: ' must report spies at once.' });
    const last = await cast.editor.client.post(`${base}/annotations`, { documentId, start: [...TEXT].length - 1, end: [...TEXT].length, tagIds: [tagId] });
    expect(last.body.quote).toMatchObject({ exact: '.', suffix: '' });
  });

  it('refuses bad input with a 400 that says why, and writes nothing', async () => {
    const { workspaceId, base, documentId, tagId } = await workspace();
    const other = await createCastWorkspace(cast, 'Other');
    const foreignTag = (await cast.admin.client.post(`/workspaces/${other}/tags`, { name: 'Foreign' })).body.id as string;
    const foreignDocument = await insertDocument(app.dataSource, other, 'Foreign', 'Another text.');
    const length = [...TEXT].length;
    const before = await workspaceSnapshot(app.dataSource, workspaceId);
    const post = (body: Record<string, unknown>) => cast.editor.client.post(`${base}/annotations`, { documentId, start: 0, end: 3, tagIds: [tagId], ...body });
    // The UTF-16 length is longer than the code point length: an end between the two is outside.
    expectApiError(await post({ start: length - 2, end: length + 1 }), 400, `the span ends after the document (it has ${length} characters)`);
    expectApiError(await post({ start: 5, end: 5 }), 400, 'the span is empty: end must be greater than start');
    expectApiError(await post({ start: 6, end: 5 }), 400, 'end must be greater than start');
    expectApiError(await post({ tagIds: [foreignTag] }), 400, `tagIds: ${foreignTag} is not a tag of this workspace's codebook`);
    expectApiError(await post({ tagIds: [] }), 400, /tagIds give at least one tag/);
    expectApiError(await post({ tagIds: [tagId, tagId] }), 400, /must not repeat a tag/);
    expectApiError(await post({ documentId: foreignDocument }), 400, 'documentId: no such document in this workspace');
    expectApiError(await post({ exact: 'Tha' }), 400, 'exact: the quote does not match the text at these offsets');
    expectApiError(await post({ start: -1 }), 400, /start/);
    expectApiError(await post({ colour: 'red' }), 400, /unknown field\(s\): colour/);
    expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
  });

  it('lets analysts change and delete their own annotations and admins anyone\u2019s', async () => {
    const { base, documentId, tagId, otherTagId } = await workspace();
    const mine = (await cast.editor.client.post(`${base}/annotations`, { documentId, start: 0, end: 12, tagIds: [tagId] })).body;
    const ownersId = (await cast.owner.client.post(`${base}/annotations`, { documentId, start: 0, end: 3, tagIds: [tagId] })).body.id as string;

    const edited = await cast.editor.client.patch(`${base}/annotations/${mine.id}`, { start: 4, end: 12, tagIds: [otherTagId], memo: 'the ministry itself' });
    expect(edited.body).toMatchObject({ start: 4, end: 12, quote: { exact: 'ministry' }, tagIds: [otherTagId], memo: 'the ministry itself', createdAt: mine.createdAt });
    expect(edited.body.updatedAt > mine.updatedAt).toBe(true);
    expectApiError(await cast.editor.client.patch(`${base}/annotations/${mine.id}`, { start: 4 }), 400, /give start and end together/);
    expectApiError(await cast.editor.client.patch(`${base}/annotations/${ownersId}`, { memo: 'not mine' }), 403, OWN_ANNOTATIONS_ONLY('change'));
    expectApiError(await cast.editor.client.delete(`${base}/annotations/${ownersId}`), 403, OWN_ANNOTATIONS_ONLY('delete'));
    expect((await cast.admin.client.patch(`${base}/annotations/${mine.id}`, { memo: null })).body.memo).toBeNull();
    expect((await cast.admin.client.delete(`${base}/annotations/${ownersId}`)).status).toBe(204);
    expectApiError(await cast.owner.client.delete(`${base}/annotations/${ownersId}`), 404, 'annotation not found');
  });

  it("keeps the reader's answer for a document current through every kind of change (it is cached per revision)", async () => {
    const { base, documentId, tagId, otherTagId } = await workspace();
    const reader = async () => (await cast.viewer.client.get(`${base}/annotations?documentId=${documentId}`)).body as { annotations: { id: string; tagIds: string[]; memo: string | null }[]; analysts: { displayName: string }[] };
    expect((await reader()).annotations).toEqual([]);
    const created = (await cast.editor.client.post(`${base}/annotations`, { documentId, start: 0, end: 12, tagIds: [tagId] })).body.id as string;
    expect((await reader()).annotations.map((a) => [a.id, a.tagIds])).toEqual([[created, [tagId]]]);
    await reader(); // served from the cache now
    await cast.editor.client.patch(`${base}/annotations/${created}`, { memo: 'reworded' });
    expect((await reader()).annotations[0]!.memo).toBe('reworded');
    // A merge rewrites only annotation_tags: the document's revision still moves.
    expect((await cast.admin.client.post(`/workspaces/${(await cast.admin.client.get(base)).body.id}/tags/${tagId}/merge`, { intoTagId: otherTagId })).status).toBe(200);
    expect((await reader()).annotations[0]!.tagIds).toEqual([otherTagId]);
    // Written straight into the database, as another API process would: the revision is Postgres's.
    await app.dataSource.query(`UPDATE annotations SET memo = 'from elsewhere' WHERE id = $1`, [created]);
    expect((await reader()).annotations[0]!.memo).toBe('from elsewhere');
    await cast.editor.client.delete(`${base}/annotations/${created}`);
    expect((await reader()).annotations).toEqual([]);
  });

  it('lists with filters by document, tag, analyst and kind, in document order', async () => {
    const { base, documentId, tagId, otherTagId, workspaceId } = await workspace();
    const second = await insertDocument(app.dataSource, workspaceId, 'Second', 'Another notice about spies.');
    const add = async (user: TestUser, doc: string, start: number, end: number, tagIds: string[]) => (await user.client.post(`${base}/annotations`, { documentId: doc, start, end, tagIds })).body.id as string;
    const a = await add(cast.editor, documentId, 20, 25, [tagId]);
    const b = await add(cast.owner, documentId, 4, 12, [otherTagId]);
    const c = await add(cast.editor, second, 0, 7, [tagId, otherTagId]);
    const ids = async (query: string) => (await cast.viewer.client.get(`${base}/annotations${query}`)).body.annotations.map((annotation: { id: string }) => annotation.id);
    expect(await ids(`?documentId=${documentId}`)).toEqual([b, a]);
    expect((await ids(`?tagId=${tagId}`)).sort()).toEqual([a, c].sort());
    expect((await ids(`?analystId=${cast.editor.id}`)).sort()).toEqual([a, c].sort());
    expect(await ids(`?documentId=${second}&tagId=${otherTagId}&analystId=${cast.editor.id}`)).toEqual([c]);
    expect(await ids('?kind=consensus')).toEqual([]);
    const { body } = await cast.viewer.client.get(`${base}/annotations?documentId=${documentId}`);
    expect(body.analysts.map((analyst: { id: string }) => analyst.id).sort()).toEqual([cast.owner.id, cast.editor.id].sort());
    // The reader has the text: quotes only when asked for.
    expect(body.annotations[0].quote).toBeUndefined();
    const quoted = await cast.viewer.client.get(`${base}/annotations?documentId=${documentId}&quotes=true`);
    expect(quoted.body.annotations[0].quote).toEqual({ ...quoteOf(TEXT, 4, 12), exact: 'ministry' });
  });

  it('blind coding: each analyst gets only their own annotations until an admin reveals them', async () => {
    const { base, documentId, tagId } = await workspace();
    expect((await cast.admin.client.patch(`${base}/coding-settings`, { blindCoding: true })).body).toMatchObject({ blindCoding: true, revealedAt: null });
    const editors = (await cast.editor.client.post(`${base}/annotations`, { documentId, start: 0, end: 3, tagIds: [tagId] })).body.id as string;
    const owners = (await cast.owner.client.post(`${base}/annotations`, { documentId, start: 0, end: 3, tagIds: [tagId] })).body.id as string;
    const seenBy = async (user: TestUser) => (await user.client.get(`${base}/annotations?documentId=${documentId}`)).body.annotations.map((annotation: { id: string }) => annotation.id);

    expect(await seenBy(cast.editor)).toEqual([editors]);
    expect(await seenBy(cast.owner)).toEqual([owners]);
    expect(await seenBy(cast.viewer)).toEqual([]);
    expect((await cast.editor.client.get(`${base}/coding-settings`)).body.othersHidden).toBe(true);
    expect((await cast.editor.client.get(`${base}/coded-segments?tagId=${tagId}`)).body.segments.map((segment: { annotationId: string }) => segment.annotationId)).toEqual([editors]);
    expect((await cast.editor.client.get(`${base}/tag-frequencies`)).body.byAnalyst).toEqual([{ tagId, analystId: cast.editor.id, annotations: 1 }]);
    // Another analyst's annotation is not there to change, even for an admin.
    expectApiError(await cast.admin.client.patch(`${base}/annotations/${editors}`, { memo: 'peek' }), 404, 'annotation not found');
    expectApiError(await cast.owner.client.get(`${base}/agreement?analysts=${cast.owner.id},${cast.editor.id}`), 409, 'blind coding is on: an admin reveals the annotations before analysts are compared');
    expectApiError(await cast.owner.client.post(`${base}/annotations`, { documentId, start: 0, end: 3, tagIds: [tagId], kind: 'consensus' }), 409, /an admin reveals them before a consensus is recorded/);

    const revealed = await cast.admin.client.patch(`${base}/coding-settings`, { revealed: true });
    expect(revealed.body).toMatchObject({ blindCoding: true, revealedAt: expect.any(String), othersHidden: false });
    expect((await seenBy(cast.editor)).sort()).toEqual([editors, owners].sort());
    expect((await seenBy(cast.viewer)).length).toBe(2);
    // A new round hides them again.
    await cast.admin.client.patch(`${base}/coding-settings`, { blindCoding: false });
    await cast.admin.client.patch(`${base}/coding-settings`, { blindCoding: true });
    expect(await seenBy(cast.editor)).toEqual([editors]);
  });

  it('keeps consensus annotations apart from each analyst\u2019s own coding', async () => {
    const { base, documentId, tagId } = await workspace();
    const own = (await cast.editor.client.post(`${base}/annotations`, { documentId, start: 0, end: 12, tagIds: [tagId] })).body.id as string;
    const agreed = await cast.owner.client.post(`${base}/annotations`, { documentId, start: 0, end: 12, tagIds: [tagId], kind: 'consensus', memo: 'Settled after discussion' });
    expect(agreed.body).toMatchObject({ kind: 'consensus', analystId: cast.owner.id });
    const ids = async (kind: string) => (await cast.viewer.client.get(`${base}/annotations?kind=${kind}`)).body.annotations.map((annotation: { id: string }) => annotation.id);
    expect(await ids('analyst')).toEqual([own]);
    expect(await ids('consensus')).toEqual([agreed.body.id]);
    // Frequencies count the analysts' own coding by default.
    expect((await cast.viewer.client.get(`${base}/tag-frequencies`)).body.byAnalyst).toEqual([{ tagId, analystId: cast.editor.id, annotations: 1 }]);
  });

  it('tells the workspace\u2019s subscribers when an annotation is added', async () => {
    const { workspaceId, base, documentId, tagId } = await workspace();
    const subscriber = await session.socket(cast.viewer);
    expect(await subscribe(subscriber, { workspaceId })).toEqual({ ok: true });
    const event = nextEvent<WorkspaceEvent>(subscriber, 'workspace-event', (candidate) => candidate.type === 'annotations.changed' && candidate.workspaceId === workspaceId);
    const created = await cast.editor.client.post(`${base}/annotations`, { documentId, start: 0, end: 3, tagIds: [tagId] });
    expect(await event).toMatchObject({ ids: [created.body.id], byUserId: cast.editor.id });
  });
});
