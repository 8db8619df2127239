/**
 * Discussion against real Postgres and sockets: threads on every kind of anchor (checked to
 * belong to the workspace), comments with mentions and notifications, own-vs-any permissions,
 * edit history, soft delete, orphaned anchors, blind coding withholding threads on hidden
 * annotations, full-text search, unread counts, live events and typing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addEdge, addNode, rateCell, type Comment, type NotificationList, type ThreadDetail, type ThreadList, type TypingEvent, type WorkspaceEvent } from '@marginalia/shared';
import { DocumentRegistry } from '../src/modules/collab/document-registry.service.js';
import { CollabSession, nextEvent, subscribe } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, insertDocument, registerCast, type Cast } from './fixtures.js';

const TEXT = 'Analysts say the campaign reflects regime insecurity. Others see nationalism at work.';

let app: TestApp;
let session: CollabSession;
let cast: Cast;
let workspaceId: string;
let documentId: string;

beforeAll(async () => {
  app = await createTestApp();
  session = new CollabSession(app.baseUrl);
  cast = await registerCast(app.baseUrl, 'discussion');
  workspaceId = await createCastWorkspace(cast, 'Discussion');
  documentId = await insertDocument(app.dataSource, workspaceId, 'Mobilising society', TEXT);
});

afterAll(async () => {
  session.close();
  await app.close();
});

const mention = (user: { id: string }, name: string) => `[@${name}](mention:${user.id})`;
const threads = (path = '') => `/workspaces/${workspaceId}/threads${path}`;

async function startThread(by: Cast[keyof Cast], anchor: unknown, body = 'What do we make of this?'): Promise<ThreadDetail> {
  const response = await by.client.post<ThreadDetail>(threads(), { anchor, body });
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  return response.body;
}

async function insertAnnotation(analystId: string): Promise<string> {
  const rows = (await app.dataSource.query(`INSERT INTO annotations (workspace_id, document_id, analyst_id, start, "end", exact, prefix, suffix) VALUES ($1, $2, $3, 17, 52, $4, '', '') RETURNING id`, [
    workspaceId,
    documentId,
    analystId,
    [...TEXT].slice(17, 52).join(''),
  ])) as { id: string }[];
  return rows[0]!.id;
}

describe('anchors', () => {
  it('anchors threads to every kind of target, with a label shown in place', async () => {
    const tag = (await cast.admin.client.post<{ id: string }>(`/workspaces/${workspaceId}/tags`, { name: 'Regime insecurity' })).body;
    const annotationId = await insertAnnotation(cast.editor.id);
    const map = (await cast.editor.client.post<{ id: string; docName: string }>(`/workspaces/${workspaceId}/maps`, { title: 'Why now?' })).body;
    const editor = await session.client(cast.editor, map.docName);
    let hypothesis = '';
    let evidence = '';
    let edge = '';
    await editor.edit((doc) => {
      hypothesis = addNode(doc, cast.editor.id, { kind: 'explanation', text: 'Regime insecurity', x: 0, y: 0 });
      evidence = addNode(doc, cast.editor.id, { kind: 'evidence', text: 'Rewards for informants', x: 0, y: 200 });
      edge = addEdge(doc, cast.editor.id, { kind: 'supports', source: evidence, target: hypothesis });
      rateCell(doc, cast.editor.id, hypothesis, evidence, 'C');
    });

    const cases: [unknown, string, string][] = [
      [{ kind: 'text', documentId, start: 54, end: 84 }, 'text', 'Others see nationalism at work.'.slice(0, 30)],
      [{ kind: 'annotation', annotationId }, 'annotation', 'campaign reflects regime insecurity'],
      [{ kind: 'tag', tagId: tag.id }, 'tag', 'Regime insecurity'],
      // Right after the edit: checked against the map's content, not the projection.
      [{ kind: 'map-node', mapId: map.id, elementId: hypothesis }, 'map-node', 'Regime insecurity'],
      [{ kind: 'map-edge', mapId: map.id, elementId: edge }, 'map-edge', 'Rewards for informants -> Regime insecurity'],
      [{ kind: 'ach-cell', mapId: map.id, hypothesisId: hypothesis, evidenceId: evidence }, 'ach-cell', 'Regime insecurity × Rewards for informants'],
      [{ kind: 'document', documentId }, 'document', 'Mobilising society'],
      [{ kind: 'workspace' }, 'workspace', 'Discussion'],
    ];
    for (const [anchor, kind, label] of cases) {
      const { thread, comments } = await startThread(cast.commenter, anchor);
      expect({ kind, anchor: thread.anchor.kind, label: thread.anchor.label, orphaned: thread.orphaned }).toEqual({ kind, anchor: kind, label, orphaned: false });
      expect(comments.map((comment) => comment.body)).toEqual(['What do we make of this?']);
    }
    const text = (await cast.viewer.client.get<ThreadList>(`${threads()}?anchorKind=text&documentId=${documentId}`)).body.threads;
    expect(text).toHaveLength(1);
    expect(text[0]!.anchor).toMatchObject({ documentId, start: 54, end: 84, quote: { exact: 'Others see nationalism at work' } });
  });

  it('refuses anchors outside the workspace or its texts with the reason, and writes nothing', async () => {
    const elsewhere = await createCastWorkspace(cast, 'Elsewhere');
    const foreignDocument = await insertDocument(app.dataSource, elsewhere, 'Secret', TEXT);
    const before = ((await app.dataSource.query(`SELECT count(*)::int AS n FROM threads`)) as [{ n: number }])[0].n;
    const refusals: [unknown, RegExp][] = [
      [{ kind: 'text', documentId: foreignDocument, start: 0, end: 5 }, /no such document in this workspace/],
      [{ kind: 'text', documentId, start: 10, end: 5000 }, /end/],
      [{ kind: 'map-node', mapId: '00000000-0000-4000-8000-000000000000', elementId: 'x' }, /no such map/],
      [{ kind: 'tag', tagId: '00000000-0000-4000-8000-000000000000' }, /no such tag/],
      [{ kind: 'rumour' }, /anchor/],
    ];
    for (const [anchor, message] of refusals) expectApiError(await cast.commenter.client.post(threads(), { anchor, body: 'x' }), 400, message);
    expectApiError(await cast.commenter.client.post(threads(), { anchor: { kind: 'workspace' }, body: '   ' }), 400, /empty/);
    expectApiError(await cast.commenter.client.post(threads(), { anchor: { kind: 'workspace' }, body: 'x'.repeat(10_001) }), 400, /10000/);
    expectApiError(await cast.commenter.client.post(threads(), { anchor: { kind: 'workspace' }, body: 'nul \u0000 here' }), 400, /control characters/);
    expect(((await app.dataSource.query(`SELECT count(*)::int AS n FROM threads`)) as [{ n: number }])[0].n).toBe(before);
  });

  it('keeps threads readable and marks them orphaned when their target is deleted', async () => {
    const tag = (await cast.admin.client.post<{ id: string }>(`/workspaces/${workspaceId}/tags`, { name: 'Short-lived' })).body;
    const { thread } = await startThread(cast.editor, { kind: 'tag', tagId: tag.id }, 'Should we keep this tag?');
    const map = (await cast.editor.client.post<{ id: string; docName: string }>(`/workspaces/${workspaceId}/maps`, { title: 'Doomed' })).body;
    const editor = await session.client(cast.editor, map.docName);
    let node = '';
    await editor.edit((doc) => (node = addNode(doc, cast.editor.id, { kind: 'claim', text: 'A passing claim', x: 0, y: 0 })));
    const onNode = (await startThread(cast.editor, { kind: 'map-node', mapId: map.id, elementId: node })).thread;

    expect((await cast.admin.client.delete(`/workspaces/${workspaceId}/tags/${tag.id}?annotations=delete`)).status).toBe(204);
    await editor.edit((doc) => doc.getMap('nodes').delete(node));
    await app.get(DocumentRegistry).projectionsSettled();

    for (const [id, label] of [
      [thread.id, 'Short-lived'],
      [onNode.id, 'A passing claim'],
    ] as const) {
      const { body } = await cast.viewer.client.get<ThreadDetail>(threads(`/${id}`));
      expect({ label: body.thread.anchor.label, orphaned: body.thread.orphaned, comments: body.comments.length }).toEqual({ label, orphaned: true, comments: 1 });
    }
  });
});

describe('comments', () => {
  it('notifies mentioned members and participants, live, and reading the thread clears it', async () => {
    const watcher = await session.socket(cast.editor);
    await subscribe(watcher, { workspaceId });
    const event = nextEvent<WorkspaceEvent>(watcher, 'workspace-event', (e) => e.type === 'notifications.changed' && e.ids.includes(cast.editor.id), 5000);
    const { thread } = await startThread(cast.commenter, { kind: 'document', documentId }, `${mention(cast.editor, 'Editor')} is this the right reading?`);
    await event;
    const inbox = (await cast.editor.client.get<NotificationList>('/notifications?unread=true')).body;
    expect(inbox.notifications[0]).toMatchObject({ kind: 'mention', threadId: thread.id, excerpt: '@Editor is this the right reading?', anchorLabel: 'Mobilising society' });
    expect(inbox.unreadCount).toBeGreaterThan(0);
    expect((await cast.editor.client.get<ThreadList>(`${threads()}?mentioningMe=true`)).body.threads.map((t) => t.id)).toContain(thread.id);

    // The editor replies: the starter hears of it as a reply; the editor's own comment notifies nobody else.
    const reply = await cast.editor.client.post<Comment>(threads(`/${thread.id}/comments`), { body: 'I think so.' });
    expect(reply.status).toBe(201);
    const starter = (await cast.commenter.client.get<NotificationList>('/notifications?unread=true')).body;
    expect(starter.notifications.find((n) => n.threadId === thread.id)).toMatchObject({ kind: 'reply', byName: expect.any(String) });
    expect((await cast.commenter.client.get<ThreadDetail>(threads(`/${thread.id}`))).body.thread.unreadCount).toBe(1);

    expect((await cast.commenter.client.post(threads(`/${thread.id}/read`), {})).status).toBe(204);
    expect((await cast.commenter.client.get<ThreadDetail>(threads(`/${thread.id}`))).body.thread.unreadCount).toBe(0);
    expect((await cast.commenter.client.get<NotificationList>('/notifications?unread=true')).body.notifications.filter((n) => n.threadId === thread.id)).toEqual([]);
  });

  it('lets authors edit (history kept) and delete their own comments, admins delete any, and nobody else', async () => {
    const { thread, comments } = await startThread(cast.editor, { kind: 'workspace' }, 'First wording');
    const path = threads(`/${thread.id}/comments/${comments[0]!.id}`);
    expectApiError(await cast.commenter.client.patch(path, { body: 'Hijacked' }), 403, 'you can edit only your own comments');
    expectApiError(await cast.commenter.client.delete(path), 403, "you can delete only your own comments; admins can delete anyone's");
    const edited = await cast.editor.client.patch<Comment>(path, { body: 'Second wording' });
    expect(edited.body).toMatchObject({ body: 'Second wording', editedAt: expect.any(String) });
    const history = (await cast.viewer.client.get<{ revisions: { body: string }[] }>(`${path}/history`)).body.revisions.map((r) => r.body);
    expect(history).toEqual(['First wording', 'Second wording']);

    expect((await cast.admin.client.delete(path)).status).toBe(204);
    const after = (await cast.viewer.client.get<ThreadDetail>(threads(`/${thread.id}`))).body.comments[0]!;
    expect(after).toMatchObject({ body: '', deletedAt: expect.any(String) });
    expect((await cast.viewer.client.get<{ revisions: unknown[] }>(`${path}/history`)).body.revisions).toEqual([]);
    expect((await cast.admin.client.get<{ revisions: { body: string }[] }>(`${path}/history`)).body.revisions.map((r) => r.body)).toEqual(['First wording', 'Second wording']);
    expectApiError(await cast.editor.client.patch(path, { body: 'Back again' }), 400, 'this comment was deleted');
  });

  it('resolves and reopens; resolved threads stay listed and searchable', async () => {
    const { thread } = await startThread(cast.commenter, { kind: 'workspace' }, 'Is the "Fengqiao experience" the model for this?');
    expect((await cast.commenter.client.post<ThreadDetail>(threads(`/${thread.id}/resolve`), {})).body.thread.resolvedAt).toEqual(expect.any(String));
    expect((await cast.viewer.client.get<ThreadList>(`${threads()}?status=open`)).body.threads.map((t) => t.id)).not.toContain(thread.id);
    expect((await cast.viewer.client.get<ThreadList>(`${threads()}?status=resolved&q=fengqiao`)).body.threads.map((t) => t.id)).toEqual([thread.id]);
    expect((await cast.commenter.client.post<ThreadDetail>(threads(`/${thread.id}/reopen`), {})).body.thread.resolvedAt).toBeNull();
    expectApiError(await cast.viewer.client.post(threads(`/${thread.id}/comments`), { body: 'Me too' }), 403);
  });

  it('withholds threads on annotations the caller may not see under blind coding', async () => {
    const annotationId = await insertAnnotation(cast.admin.id);
    const { thread } = await startThread(cast.admin, { kind: 'annotation', annotationId }, 'My own reading, for now.');
    expect((await cast.admin.client.patch(`/workspaces/${workspaceId}/coding-settings`, { blindCoding: true })).status).toBe(200);
    try {
      expect((await cast.editor.client.get<ThreadList>(threads())).body.threads.map((t) => t.id)).not.toContain(thread.id);
      expectApiError(await cast.editor.client.get(threads(`/${thread.id}`)), 404, 'thread not found');
      expectApiError(await cast.editor.client.post(threads(), { anchor: { kind: 'annotation', annotationId }, body: 'Peeking' }), 400, /no such annotation/);
    } finally {
      await cast.admin.client.patch(`/workspaces/${workspaceId}/coding-settings`, { blindCoding: false });
    }
  });

  it('relays typing to the other subscribers, not to viewers\u2019 attempts', async () => {
    const typist = await session.socket(cast.commenter);
    const listener = await session.socket(cast.editor);
    const viewer = await session.socket(cast.viewer);
    await Promise.all([subscribe(typist, { workspaceId }), subscribe(listener, { workspaceId }), subscribe(viewer, { workspaceId })]);
    const { thread } = await startThread(cast.commenter, { kind: 'workspace' });
    const refused = nextEvent<{ message: string }>(viewer, 'collab-error', () => true, 5000);
    viewer.emit('typing', { workspaceId, threadId: thread.id });
    expect((await refused).message).toBe('your role may not comment here');
    // The viewer's signal was refused before the commenter's was sent: the listener sees the commenter's only.
    const heard = nextEvent<TypingEvent>(listener, 'typing', () => true, 5000);
    typist.emit('typing', { workspaceId, threadId: thread.id });
    expect(await heard).toMatchObject({ workspaceId, threadId: thread.id, user: { id: cast.commenter.id } });
  });
});
