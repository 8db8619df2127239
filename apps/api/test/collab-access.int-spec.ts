/**
 * Access changes made over REST bite on open /collab sockets at once: a lowered role
 * or an archived workspace turns joined documents read-only, a removed member loses them
 * and the workspace subscription; typed workspace events and the presence list reach
 * subscribers; a logged-out session or revoked token can neither reconnect nor stay
 * connected.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AccessChange, PresenceList, WorkspaceEvent, WorkspaceRef } from '@marginalia/shared';
import type { Socket } from 'socket.io-client';
import { registerUser, type TestUser } from './api-client.js';
import { connected, eventually, notebookOf, type YClient } from './collab-client.js';
import { CollabSession, join, nextEvent, sendFrame, standaloneInsert, subscribe, updateMessage } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, insertDocument, registerCast, type Cast } from './fixtures.js';

/**
 * How long to wait for an event the change must bring. Access changes and revocations are
 * pushed to sockets as they happen (nothing here waits for a timer on the server: the periodic
 * credential re-check is set to an hour), so the wait ends as soon as the event arrives; the
 * cap only bounds a failing run, and is generous because a loaded CI machine can take seconds.
 */
const EVENT_MS = 20_000;

let app: TestApp;
let session: CollabSession;
let cast: Cast;

beforeAll(async () => {
  app = await createTestApp({ COLLAB_REAUTHENTICATE_SECONDS: '3600' });
  session = new CollabSession(app.baseUrl);
  cast = await registerCast(app.baseUrl, 'access');
});

afterAll(async () => {
  session.close();
  await app.close();
});

async function castNotebook(name: string): Promise<{ workspaceId: string; notebook: string }> {
  const workspaceId = await createCastWorkspace(cast, name);
  return { workspaceId, notebook: await notebookOf(cast.owner, workspaceId) };
}

function accessChange(socket: Socket, doc: string): Promise<AccessChange> {
  return nextEvent<AccessChange>(socket, 'access', (change) => change.doc === doc, EVENT_MS);
}

/** Sends one edit and resolves with the server's answer to it. */
async function tryEdit(client: YClient, text: string): Promise<unknown> {
  client.text.insert(0, text);
  return (await client.settled()).at(-1);
}

describe('role and workspace changes on joined documents', () => {
  it('turns a demoted editor read-only, refusing their next update, and writable again when promoted', async () => {
    const { workspaceId, notebook } = await castNotebook('Demotion');
    const editor = await session.client(cast.editor, notebook);
    const watcher = await session.client(cast.owner, notebook);
    expect(await tryEdit(editor, 'before. ')).toEqual({ ok: true });

    const demoted = accessChange(editor.socket, notebook);
    expect((await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.editor.id}`, { role: 'viewer' })).status).toBe(200);
    expect(await demoted).toEqual({ doc: notebook, readOnly: true });
    expect(await tryEdit(editor, 'REFUSED ')).toMatchObject({ ok: false, error: 'read_only' });

    const promoted = accessChange(editor.socket, notebook);
    expect((await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.editor.id}`, { role: 'editor' })).status).toBe(200);
    expect(await promoted).toEqual({ doc: notebook, readOnly: false });
    expect(await sendFrame(editor.socket, notebook, updateMessage(standaloneInsert('after. ')))).toEqual({ ok: true });
    await eventually(() => watcher.text.toJSON().includes('after. '), EVENT_MS, 'the promoted edit to arrive');
    expect(watcher.text.toJSON()).not.toContain('REFUSED');
  });

  it('takes a removed member out of the document and the workspace, and refuses them afterwards', async () => {
    const { workspaceId, notebook } = await castNotebook('Removal');
    const member = await session.client(cast.commenter, notebook);
    expect(await subscribe(member.socket, { workspaceId })).toEqual({ ok: true });

    const lost = accessChange(member.socket, notebook);
    const unsubscribed = nextEvent<WorkspaceRef>(member.socket, 'unsubscribed', (ref) => ref.workspaceId === workspaceId, EVENT_MS);
    expect((await cast.owner.client.delete(`/workspaces/${workspaceId}/members/${cast.commenter.id}`)).status).toBe(204);
    expect(await lost).toEqual({ doc: notebook, error: 'not_found' });
    expect(await unsubscribed).toEqual({ workspaceId });

    expect(await sendFrame(member.socket, notebook, updateMessage(standaloneInsert('x')))).toMatchObject({ ok: false, error: 'not_joined' });
    expect(await join(member.socket, { doc: notebook })).toMatchObject({ ok: false, error: 'not_found' });
    expect(await subscribe(member.socket, { workspaceId })).toMatchObject({ ok: false, error: 'not_found' });
  });

  it('turns the notebook read-only while the workspace is archived', async () => {
    const { workspaceId, notebook } = await castNotebook('Archive');
    const editor = await session.client(cast.editor, notebook);

    const archived = accessChange(editor.socket, notebook);
    expect((await cast.owner.client.post(`/workspaces/${workspaceId}/archive`)).status).toBe(200);
    expect(await archived).toEqual({ doc: notebook, readOnly: true });
    expect(await tryEdit(editor, 'while archived ')).toMatchObject({ ok: false, error: 'read_only' });

    const unarchived = accessChange(editor.socket, notebook);
    expect((await cast.owner.client.post(`/workspaces/${workspaceId}/unarchive`)).status).toBe(200);
    expect(await unarchived).toEqual({ doc: notebook, readOnly: false });
    expect(await sendFrame(editor.socket, notebook, updateMessage(standaloneInsert('unarchived ')))).toEqual({ ok: true });
  });
});

describe('workspace events and presence', () => {
  let workspaceId: string;
  let notebook: string;
  let subscriber: Socket;

  beforeAll(async () => {
    ({ workspaceId, notebook } = await castNotebook('Events'));
    subscriber = await session.socket(cast.viewer);
    expect(await subscribe(subscriber, { workspaceId })).toEqual({ ok: true });
  });

  function nextWorkspaceEvent(type: WorkspaceEvent['type']): Promise<WorkspaceEvent> {
    return nextEvent<WorkspaceEvent>(subscriber, 'workspace-event', (event) => event.type === type && event.workspaceId === workspaceId, EVENT_MS);
  }

  it('tells subscribers which document changed and who changed it', async () => {
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Speech at the rally');
    const event = nextWorkspaceEvent('documents.changed');
    expect((await cast.editor.client.patch(`/workspaces/${workspaceId}/documents/${documentId}`, { title: 'Rally speech' })).status).toBe(200);
    expect(await event).toEqual({ type: 'documents.changed', workspaceId, ids: [documentId], byUserId: cast.editor.id, at: expect.any(String) });
  });

  it('tells subscribers about a member change and a rename', async () => {
    const memberEvent = nextWorkspaceEvent('members.changed');
    expect((await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.commenter.id}`, { role: 'editor' })).status).toBe(200);
    expect(await memberEvent).toMatchObject({ ids: [cast.commenter.id], byUserId: cast.owner.id });

    const renameEvent = nextWorkspaceEvent('workspace.updated');
    expect((await cast.owner.client.patch(`/workspaces/${workspaceId}`, { name: 'Events, renamed' })).status).toBe(200);
    const renamed = await renameEvent;
    expect(renamed).toMatchObject({ workspaceId, byUserId: cast.owner.id });
    expect(Number.isNaN(Date.parse(renamed.at))).toBe(false);
  });

  it('answers not_found to a subscription by a non-member or to an unknown workspace', async () => {
    const outsider = await session.socket(cast.outsider);
    expect(await subscribe(outsider, { workspaceId })).toMatchObject({ ok: false, error: 'not_found' });
    expect(await subscribe(outsider, { workspaceId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: 'not_found' });
  });

  it('lists subscribed users with the documents they have open and where they say they are', async () => {
    const editor = await session.client(cast.editor, notebook);
    expect(await subscribe(editor.socket, { workspaceId })).toEqual({ ok: true });
    const listed = nextEvent<PresenceList>(subscriber, 'presence', (list) => list.users.some((entry) => entry.user.id === cast.editor.id && entry.location !== null), EVENT_MS);
    editor.socket.emit('where', { workspaceId, location: '/documents/rally-speech' });
    const presence = await listed;
    expect(presence.workspaceId).toBe(workspaceId);
    expect(presence.users).toEqual(
      expect.arrayContaining([
        { user: expect.objectContaining({ id: cast.editor.id, name: cast.editor.displayName }), docs: [notebook], location: '/documents/rally-speech' },
        { user: expect.objectContaining({ id: cast.viewer.id }), docs: [], location: null },
      ]),
    );
    expect(presence.users).toHaveLength(2);
  });
});

describe('sessions that end', () => {
  /** The same user as seen through a cookie saved before logging out. */
  function withCookie(user: TestUser, cookie: string): TestUser {
    return { ...user, client: { sessionCookie: cookie } as TestUser['client'] };
  }

  it('disconnects the open socket of a logged-out session at once, and refuses it back', async () => {
    const user = await registerUser(app.baseUrl, 'leaver');
    const cookie = user.client.sessionCookie!;
    const socket = await session.socket(user);
    const dropped = nextEvent<string>(socket, 'disconnect', () => true, EVENT_MS);
    expect((await user.client.post('/auth/logout')).status).toBe(204);
    expect(await dropped).toBe('io server disconnect');
    await expect(connected(session.open(withCookie(user, cookie)))).rejects.toThrow('unauthorized');
  });

  it('refuses a revoked personal access token, and drops the socket that used it', async () => {
    const user = await registerUser(app.baseUrl, 'scripter');
    const created = await user.client.post<{ id: string; token: string }>('/auth/tokens', { name: 'sync script' });
    const socket = await session.socket(null, { token: created.body.token });
    const dropped = nextEvent<string>(socket, 'disconnect', () => true, EVENT_MS);
    expect((await user.client.delete(`/auth/tokens/${created.body.id}`)).status).toBe(204);
    expect(await dropped).toBe('io server disconnect');
    await expect(connected(session.open(null, { token: created.body.token }))).rejects.toThrow('unauthorized');
  });
});
