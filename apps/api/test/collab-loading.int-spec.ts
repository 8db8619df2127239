/**
 * Loading races: joiners that arrive while a document is loading wait for that one load; a
 * load that fails refuses the join and never writes over what is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { JoinAck } from '@marginalia/shared';
import { DocumentRegistry } from '../src/modules/collab/document-registry.service.js';
import { YClient, eventually, notebookOf } from './collab-client.js';
import { CollabSession } from './collab-session.js';
import { createCastWorkspace, registerCast, type Cast } from './fixtures.js';
import { createTestApp, type TestApp } from './create-test-app.js';

let app: TestApp;
let cast: Cast;
let session: CollabSession;

beforeAll(async () => {
  app = await createTestApp({ COLLAB_UNLOAD_AFTER_MS: '50' });
  cast = await registerCast(app.baseUrl, 'loading');
  session = new CollabSession(app.baseUrl);
});

afterAll(async () => {
  session.close();
  await app.close();
});

/** A notebook with some text, written, acknowledged and then unloaded from memory. */
async function storedNotebook(text: string): Promise<string> {
  const workspaceId = await createCastWorkspace(cast, `Loading ${text}`);
  const doc = await notebookOf(cast.owner, workspaceId);
  const writer = await session.client(cast.editor, doc);
  writer.text.insert(0, text);
  expect((await writer.settled()).every((ack) => ack.ok)).toBe(true);
  writer.socket.disconnect();
  await eventually(() => app.get(DocumentRegistry).get(doc) === undefined, 5000, 'document unloaded');
  return doc;
}

async function storedRows(doc: string): Promise<unknown> {
  return app.dataSource.query(
    `SELECT (SELECT count(*)::int FROM collab_updates WHERE document_name = $1) AS updates,
            (SELECT encode(state, 'hex') FROM collab_snapshots WHERE document_name = $1) AS snapshot`,
    [doc],
  );
}

describe('loading', () => {
  it('makes joiners that arrive during a load wait for it, and gives them all one live document', async () => {
    const doc = await storedNotebook('Shared by every early joiner.');
    const blocker = app.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    // The load's SELECT waits behind this lock, so every join below arrives mid-load.
    await blocker.query('LOCK TABLE collab_updates IN ACCESS EXCLUSIVE MODE');
    const clients = await Promise.all([cast.owner, cast.editor, cast.viewer].map(async (user) => session.track(new YClient(await session.socket(user), doc))));
    let settled = 0;
    const joins = clients.map((client) => client.join().finally(() => (settled += 1)));
    // The load is then provably under way and stuck behind the lock: nothing can have been answered.
    await eventually(async () => ((await app.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%collab_updates%'`)) as [{ n: number }])[0].n > 0, 5000, 'the load waiting for the lock');
    expect(settled).toBe(0);
    await blocker.rollbackTransaction();
    await blocker.release();
    const answers: JoinAck[] = await Promise.all(joins);
    expect(answers.map((answer) => answer.ok)).toEqual([true, true, true]);
    for (const client of clients) expect(client.content).toBe('Shared by every early joiner.');
    clients[0]!.text.insert(0, '> ');
    await eventually(() => clients.every((client) => client.content.startsWith('> ')), 5000, 'edit reaches the other early joiners');
  });

  it('refuses the join when the stored state cannot be loaded, and leaves it as it was', async () => {
    const doc = await storedNotebook('Kept safe.');
    // A damaged row that Yjs cannot read: the load must fail, not start from an empty document.
    await app.dataSource.query(`INSERT INTO collab_updates (document_name, "update") VALUES ($1, '\\x010203040506070809')`, [doc]);
    const before = await storedRows(doc);
    const socket = await session.socket(cast.editor);
    const answer = (await socket.emitWithAck('join', { doc })) as JoinAck;
    expect(answer).toMatchObject({ ok: false, error: 'unavailable' });
    expect(app.get(DocumentRegistry).get(doc)).toBeUndefined();
    expect(await storedRows(doc)).toEqual(before);
    await app.dataSource.query(`DELETE FROM collab_updates WHERE document_name = $1 AND "update" = '\\x010203040506070809'`, [doc]);
    const reader = await session.client(cast.viewer, doc);
    expect(reader.content).toBe('Kept safe.');
  });
});
