/**
 * The /collab protocol end to end, with plain Node clients (yjs + y-protocols +
 * socket.io-client) against the real server and Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { registerCast, createCastWorkspace, type Cast } from './fixtures.js';
import { connectSocket, connected, eventually, joinedClient, notebookOf, YClient } from './collab-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';

let app: TestApp;
let cast: Cast;
let workspaceId: string;
let notebook: string;
const sockets: Socket[] = [];
const clients: YClient[] = [];

function open(user: Cast[keyof Cast] | null, options = {}): Socket {
  const socket = connectSocket(app.baseUrl, user, options);
  sockets.push(socket);
  return socket;
}

async function joinedAs(user: Cast[keyof Cast], doc = notebook): Promise<YClient> {
  const client = await joinedClient(open(user), doc);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  app = await createTestApp();
  cast = await registerCast(app.baseUrl, 'collab');
  workspaceId = await createCastWorkspace(cast, 'Notebook team');
  notebook = await notebookOf(cast.owner, workspaceId);
});

afterAll(async () => {
  // Destroying the documents stops their awareness timers, so jest can exit.
  for (const client of clients) client.close();
  for (const socket of sockets) socket.disconnect();
  await app.close();
});

describe('handshake', () => {
  it('refuses a connection without credentials with "unauthorized"', async () => {
    await expect(connected(open(null))).rejects.toThrow('unauthorized');
  });

  it('refuses a bad personal access token', async () => {
    await expect(connected(open(null, { token: 'mrg_not-a-real-token' }))).rejects.toThrow('unauthorized');
  });

  it('accepts a personal access token as auth.token', async () => {
    const created = await cast.editor.client.post<{ token: string }>('/auth/tokens', { name: 'sync client' });
    const socket = open(null, { token: created.body.token });
    await connected(socket);
    const client = new YClient(socket, notebook);
    clients.push(client);
    await expect(client.join()).resolves.toEqual({ ok: true, readOnly: false });
  });

  it('refuses a browser origin that is not the app', async () => {
    await expect(connected(open(cast.editor, { origin: 'https://evil.example' }))).rejects.toThrow('forbidden_origin');
  });

  it('accepts the app’s own origin', async () => {
    await expect(connected(open(cast.editor, { origin: app.baseUrl }))).resolves.toBeUndefined();
  });
});

describe('notebook', () => {
  it('hands out the same opaque name to every member, and nothing to outsiders', async () => {
    expect(await notebookOf(cast.viewer, workspaceId)).toBe(notebook);
    expect(notebook).toMatch(/^notebook-[\w-]{16}$/);
    const response = await cast.outsider.client.get(`/workspaces/${workspaceId}/notebook`);
    expect(response.status).toBe(404);
  });
});

describe('join', () => {
  it('answers not_found to a non-member and for an unknown document, alike', async () => {
    const socket = open(cast.outsider);
    await connected(socket);
    expect(await socket.emitWithAck('join', { doc: notebook })).toEqual({ ok: false, error: 'not_found', message: 'no such document' });
    expect(await socket.emitWithAck('join', { doc: 'notebook-doesnotexist0000' })).toEqual({ ok: false, error: 'not_found', message: 'no such document' });
  });

  it('tells viewers and commenters they are read-only, editors that they are not', async () => {
    expect((await joinedAs(cast.viewer)).readOnly).toBe(true);
    expect((await joinedAs(cast.commenter)).readOnly).toBe(true);
    expect((await joinedAs(cast.editor)).readOnly).toBe(false);
  });

  it('refuses frames for a document the socket has not joined', async () => {
    const socket = open(cast.editor);
    await connected(socket);
    const answer = await socket.emitWithAck('y', notebook, new Uint8Array([0, 0, 1, 0]));
    expect(answer).toMatchObject({ ok: false, error: 'not_joined' });
  });
});

describe('sync', () => {
  it('makes two editors converge, and acknowledges an update only once it is in Postgres', async () => {
    const alice = await joinedAs(cast.editor);
    const bob = await joinedAs(cast.admin);
    alice.text.insert(0, 'Regime insecurity explains the campaign. ');
    bob.text.insert(0, 'Nationalism does. ');
    await eventually(() => alice.content === bob.content && alice.text.length > 40, 5000, 'convergence');
    const acks = [...(await alice.settled()), ...(await bob.settled())];
    expect(acks.length).toBeGreaterThan(0);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const [{ count }] = (await app.dataSource.query(`SELECT count(*)::int AS count FROM collab_updates WHERE document_name = $1`, [notebook])) as [{ count: number }];
    expect(count).toBeGreaterThanOrEqual(2);
  });

  it('gives a late joiner the whole document', async () => {
    const writer = await joinedAs(cast.owner);
    writer.text.insert(0, 'Late joiners read this. ');
    await writer.settled();
    const reader = await joinedAs(cast.viewer);
    expect(reader.content).toContain('Late joiners read this.');
  });

  it("refuses a viewer's update, neither applying nor relaying it", async () => {
    const editor = await joinedAs(cast.editor);
    const viewer = await joinedAs(cast.viewer);
    const before = editor.content;
    viewer.text.insert(0, 'VIEWER WAS HERE ');
    const acks = await viewer.settled();
    expect(acks.at(-1)).toMatchObject({ ok: false, error: 'read_only' });
    editor.text.insert(0, 'marker ');
    await eventually(() => viewer.content.includes('marker'), 5000, 'viewer receives edits');
    expect(editor.content).not.toContain('VIEWER WAS HERE');
    expect(editor.content).toBe(`marker ${before}`);
    const fresh = await joinedAs(cast.owner);
    expect(fresh.content).not.toContain('VIEWER WAS HERE');
  });
});

describe('awareness', () => {
  it('relays cursors with the identity the server knows, whatever the client claims', async () => {
    const editor = await joinedAs(cast.editor);
    const watcher = await joinedAs(cast.commenter);
    editor.awareness.setLocalState({ user: { id: 'forged', name: 'Someone Else', color: '#000' }, cursor: { anchor: 3 } });
    await eventually(() => watcher.awareness.getStates().has(editor.doc.clientID), 5000, 'awareness relayed');
    const seen = watcher.awareness.getStates().get(editor.doc.clientID) as { user: { id: string; name: string }; cursor: unknown };
    expect(seen.user.id).toBe(cast.editor.id);
    expect(seen.user.name).toBe(cast.editor.displayName);
    expect(seen.cursor).toEqual({ anchor: 3 });
  });

  it('lets a read-only member share awareness, stamped too', async () => {
    const viewer = await joinedAs(cast.viewer);
    const watcher = await joinedAs(cast.editor);
    viewer.awareness.setLocalState({ viewport: { top: 10 } });
    await eventually(() => watcher.awareness.getStates().has(viewer.doc.clientID), 5000, 'viewer awareness relayed');
    expect((watcher.awareness.getStates().get(viewer.doc.clientID) as { user: { id: string } }).user.id).toBe(cast.viewer.id);
  });
});
