/**
 * Two API processes sharing one database and one Redis, as behind a load balancer: clients
 * on either node edit the same documents, see each other's cursors and presence, and hear
 * about changes made through the other node. Needs REDIS_URL; CI always sets it (.ci/run),
 * and there a missing or unreachable Redis fails this file instead of skipping it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AccessChange, PresenceList, WorkspaceEvent } from '@marginalia/shared';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { API_STARTUP_TIMEOUT_MS, killAllApiProcesses, startApiProcess, type ApiProcess } from './api-process.js';
import { connectSocket, connected, eventually, notebookOf, YClient } from './collab-client.js';
import { createCastWorkspace, registerCast, type Cast } from './fixtures.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL && process.env.CI && process.env.CI !== 'false') throw new Error('REDIS_URL is not set: CI must run the two-node collab tests against Redis');
if (!REDIS_URL) console.warn('collab-cluster.int-spec.ts SKIPPED: no Redis (REDIS_URL unset and no redis-server to start); CI runs these two-node tests.');
const describeWithRedis = REDIS_URL ? describe : describe.skip;

/**
 * A cap on waits for what must arrive (an edit, a presence list, an access change) from the
 * other node: each wait ends as soon as it comes, so the cap only bounds a failing run. Access
 * changes are pushed across nodes as they happen (nothing waits for a timer), but a loaded CI
 * machine running two API processes and Redis can take seconds, so no wall-clock window is
 * asserted.
 */
const EVENT_MS = 20_000;

type User = Cast[keyof Cast];

let database: TestDatabase;
let nodeA: ApiProcess;
let nodeB: ApiProcess;
let cast: Cast;
let workspaceId: string;
let notebook: string;
const clients: YClient[] = [];
const sockets: Socket[] = [];

async function assertRedisReachable(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis at REDIS_URL (${url}) is unreachable: ${String(error)}`, { cause: error });
  } finally {
    redis.disconnect();
  }
}

/** Makes every commit of `doc`'s updates take `seconds`, like a slow disk, in this file's database only. */
async function slowDownCommitsOf(doc: string, seconds: number): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(`
      CREATE OR REPLACE FUNCTION test_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(${seconds}); RETURN NEW; END $$;
      CREATE TRIGGER test_slow_commit BEFORE INSERT ON collab_updates FOR EACH ROW WHEN (NEW.document_name = '${doc}') EXECUTE FUNCTION test_slow_commit();
    `);
  } finally {
    await client.end();
  }
}

async function socketOn(node: ApiProcess, user: User): Promise<Socket> {
  const socket = connectSocket(node.baseUrl, user);
  sockets.push(socket);
  await connected(socket);
  return socket;
}

async function joinedOn(node: ApiProcess, user: User, doc = notebook): Promise<YClient> {
  const client = new YClient(await socketOn(node, user), doc);
  clients.push(client);
  const answer = await client.join();
  if (!answer.ok) throw new Error(`join failed: ${answer.error}`);
  return client;
}

async function subscribedOn(node: ApiProcess, user: User, workspace: string): Promise<Socket> {
  const socket = await socketOn(node, user);
  const answer = (await socket.emitWithAck('subscribe', { workspaceId: workspace })) as { ok: boolean };
  if (!answer.ok) throw new Error(`subscribe failed: ${JSON.stringify(answer)}`);
  return socket;
}

/** The first `event` on `socket` that matches; listen before causing it. */
function nextEvent<T>(socket: Socket, event: string, matches: (payload: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T): void => {
      if (!matches(payload)) return;
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not arrive within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function appendText(client: YClient, text: string): Promise<{ ok: boolean }> {
  return client.edit((doc) => {
    const markdown = doc.getText('markdown');
    markdown.insert(markdown.length, text);
  });
}

function userIdsIn(list: PresenceList): string[] {
  return list.users.map((entry) => entry.user.id);
}

describeWithRedis('two API nodes sharing Postgres and Redis', () => {
  beforeAll(async () => {
    await assertRedisReachable(REDIS_URL as string);
    database = await createTestDatabase();
    [nodeA, nodeB] = await Promise.all([startApiProcess({ databaseUrl: database.url, redisUrl: REDIS_URL }), startApiProcess({ databaseUrl: database.url, redisUrl: REDIS_URL })]);
    // REST calls go to node A; sockets pick their node explicitly.
    cast = await registerCast(nodeA.baseUrl, 'cluster');
    workspaceId = await createCastWorkspace(cast, 'Shared across nodes');
    notebook = await notebookOf(cast.owner, workspaceId);
  }, API_STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const socket of sockets) socket.disconnect();
    await killAllApiProcesses();
    await database?.drop();
  });

  describe('documents', () => {
    it('relays edits from node A to node B and back', async () => {
      const onA = await joinedOn(nodeA, cast.editor);
      const onB = await joinedOn(nodeB, cast.admin);
      expect(await appendText(onA, 'Typed on A. ')).toEqual({ ok: true });
      await eventually(() => onB.content.includes('Typed on A. '), EVENT_MS, 'the edit from A on B');
      expect(await appendText(onB, 'Typed on B. ')).toEqual({ ok: true });
      await eventually(() => onA.content.includes('Typed on B. '), EVENT_MS, 'the edit from B on A');
      expect(onA.content).toBe(onB.content);
    });

    it('converges when clients on both nodes type at once, and both nodes serve the same document afterwards', async () => {
      const typists = await Promise.all([nodeA, nodeA, nodeA, nodeB, nodeB, nodeB].map((node, index) => joinedOn(node, index % 2 === 0 ? cast.owner : cast.editor)));
      const tokensOf = (index: number): string[] => Array.from({ length: 20 }, (_, edit) => `[t${index}#${edit}]`);
      const answers = await Promise.all(typists.flatMap((client, index) => tokensOf(index).map((token) => appendText(client, token))));
      expect(answers.filter((answer) => !answer.ok)).toEqual([]);
      const contentOf = (client: YClient): string => client.content;
      await eventually(() => new Set(typists.map(contentOf)).size === 1, 10_000, 'convergence across nodes');
      const converged = contentOf(typists[0] as YClient);
      expect(typists.flatMap((_, index) => tokensOf(index)).filter((token) => !converged.includes(token))).toEqual([]);
      const lateJoiners = await Promise.all([joinedOn(nodeA, cast.viewer), joinedOn(nodeB, cast.viewer)]);
      expect(lateJoiners.map(contentOf)).toEqual([converged, converged]);
    });

    it('gives a client joining on node B what was acknowledged on node A, even if B never held the document', async () => {
      const otherWorkspace = await createCastWorkspace(cast, 'Only A has seen this');
      const otherNotebook = await notebookOf(cast.owner, otherWorkspace);
      const writer = await joinedOn(nodeA, cast.editor, otherNotebook);
      expect(await appendText(writer, 'Saved through A.')).toEqual({ ok: true });
      const reader = await joinedOn(nodeB, cast.viewer, otherNotebook);
      expect(reader.content).toBe('Saved through A.');
    });
    it('gives a client joining on node B an edit that node A had applied but not yet committed', async () => {
      const slowWorkspace = await createCastWorkspace(cast, 'Slow disk');
      const slowNotebook = await notebookOf(cast.owner, slowWorkspace);
      const writer = await joinedOn(nodeA, cast.editor, slowNotebook);
      const watcherOnA = await joinedOn(nodeA, cast.owner, slowNotebook);
      await slowDownCommitsOf(slowNotebook, 0.5);
      const saved = appendText(writer, 'Committed slowly.');
      // Live on node A (relayed to its clients), half a second before it is in Postgres.
      await eventually(() => watcherOnA.content === 'Committed slowly.', EVENT_MS, 'the edit on node A');
      const readerOnB = await joinedOn(nodeB, cast.viewer, slowNotebook);
      expect(await saved).toEqual({ ok: true });
      await eventually(() => readerOnB.content === 'Committed slowly.', EVENT_MS, 'the edit on node B');
    });
  });

  describe('awareness', () => {
    it('shows a cursor from node A on node B with the identity the server stamped', async () => {
      const editor = await joinedOn(nodeA, cast.editor);
      const watcher = await joinedOn(nodeB, cast.commenter);
      editor.awareness.setLocalState({ user: { id: 'forged', name: 'Someone Else', color: '#000' }, cursor: { anchor: 5 } });
      await eventually(() => watcher.awareness.getStates().has(editor.doc.clientID), EVENT_MS, 'the cursor from A on B');
      const seen = watcher.awareness.getStates().get(editor.doc.clientID) as { user: { id: string; name: string }; cursor: unknown };
      expect(seen.user).toMatchObject({ id: cast.editor.id, name: cast.editor.displayName });
      expect(seen.cursor).toEqual({ anchor: 5 });

      editor.close();
      await eventually(() => !watcher.awareness.getStates().has(editor.doc.clientID), EVENT_MS, 'the cursor to disappear on B');
    });
  });

  describe('presence', () => {
    it('lists the users connected to either node, and drops one who leaves', async () => {
      const presenceWorkspace = await createCastWorkspace(cast, 'Who is here');
      const ownerOnA = await subscribedOn(nodeA, cast.owner, presenceWorkspace);
      const bothListed = (list: PresenceList): boolean => list.workspaceId === presenceWorkspace && userIdsIn(list).includes(cast.owner.id) && userIdsIn(list).includes(cast.viewer.id);
      const seenOnA = nextEvent(ownerOnA, 'presence', bothListed);
      const viewerOnB = await socketOn(nodeB, cast.viewer);
      const seenOnB = nextEvent(viewerOnB, 'presence', bothListed);
      await viewerOnB.emitWithAck('subscribe', { workspaceId: presenceWorkspace });
      await within(EVENT_MS, Promise.all([seenOnA, seenOnB]), 'a presence list naming both users on both nodes');

      const viewerGone = nextEvent<PresenceList>(ownerOnA, 'presence', (list) => list.workspaceId === presenceWorkspace && !userIdsIn(list).includes(cast.viewer.id));
      viewerOnB.disconnect();
      expect(userIdsIn(await within(EVENT_MS, viewerGone, 'a presence list without the viewer'))).toEqual([cast.owner.id]);
    });
  });

  describe('workspace events and access', () => {
    it('tells subscribers on node B about a change made through node A', async () => {
      const eventsWorkspace = await createCastWorkspace(cast, 'Before the rename');
      const viewerOnB = await subscribedOn(nodeB, cast.viewer, eventsWorkspace);
      const renamed = nextEvent<WorkspaceEvent>(viewerOnB, 'workspace-event', (event) => event.type === 'workspace.updated' && event.workspaceId === eventsWorkspace);
      const response = await cast.owner.client.patch(`/workspaces/${eventsWorkspace}`, { name: 'After the rename' });
      expect(response.status).toBe(200);
      expect(await within(EVENT_MS, renamed, 'the workspace event on B')).toMatchObject({ byUserId: cast.owner.id });
    });

    it('turns an editor on node B read-only when node A lowers the role', async () => {
      const roleWorkspace = await createCastWorkspace(cast, 'Demotions');
      const roleNotebook = await notebookOf(cast.owner, roleWorkspace);
      const editorOnB = await joinedOn(nodeB, cast.editor, roleNotebook);
      expect(editorOnB.readOnly).toBe(false);
      const demoted = nextEvent<AccessChange>(editorOnB.socket, 'access', (change) => change.doc === roleNotebook);
      const response = await cast.owner.client.patch(`/workspaces/${roleWorkspace}/members/${cast.editor.id}`, { role: 'viewer' });
      expect(response.status).toBe(200);
      expect(await within(EVENT_MS, demoted, 'the access change on B')).toEqual({ doc: roleNotebook, readOnly: true });

      expect(await appendText(editorOnB, 'written after the demotion')).toMatchObject({ ok: false, error: 'read_only' });
      const reader = await joinedOn(nodeA, cast.owner, roleNotebook);
      expect(reader.content).not.toContain('written after the demotion');
    });

    it('closes the documents and the subscription of a member on node B removed through node A', async () => {
      const removalWorkspace = await createCastWorkspace(cast, 'Removals');
      const removalNotebook = await notebookOf(cast.owner, removalWorkspace);
      const commenterOnB = await joinedOn(nodeB, cast.commenter, removalNotebook);
      const subscribed = (await commenterOnB.socket.emitWithAck('subscribe', { workspaceId: removalWorkspace })) as { ok: boolean };
      expect(subscribed.ok).toBe(true);
      const closed = nextEvent<AccessChange>(commenterOnB.socket, 'access', (change) => change.doc === removalNotebook);
      const unsubscribed = nextEvent<{ workspaceId: string }>(commenterOnB.socket, 'unsubscribed', (ref) => ref.workspaceId === removalWorkspace);
      const response = await cast.owner.client.delete(`/workspaces/${removalWorkspace}/members/${cast.commenter.id}`);
      expect(response.status).toBe(204);
      expect(await within(EVENT_MS, closed, 'the access change on B')).toEqual({ doc: removalNotebook, error: 'not_found' });
      await within(EVENT_MS, unsubscribed, 'the end of the subscription on B');
    });
  });
});
