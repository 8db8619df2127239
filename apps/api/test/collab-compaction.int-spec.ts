/**
 * Compaction of stored Yjs history: after COLLAB_COMPACT_AFTER_UPDATES updates the rows are
 * folded into one snapshot, exactly the folded rows are deleted, and a document loaded
 * afresh from Postgres (after the server unloaded it) has everything, including updates
 * committed while a compaction was folding.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { CollabPersistence } from '../src/modules/collab/collab-persistence.service.js';
import { DocumentRegistry } from '../src/modules/collab/document-registry.service.js';
import { eventually, notebookOf, type YClient } from './collab-client.js';
import { CollabSession, storedRows } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, registerCast, type Cast } from './fixtures.js';

const COMPACT_AFTER = 20;

let app: TestApp;
let session: CollabSession;
let cast: Cast;

beforeAll(async () => {
  app = await createTestApp({ COLLAB_COMPACT_AFTER_UPDATES: String(COMPACT_AFTER), COLLAB_UNLOAD_AFTER_MS: '50' });
  session = new CollabSession(app.baseUrl);
  cast = await registerCast(app.baseUrl, 'compaction');
});

afterAll(async () => {
  session.close();
  await app.close();
});

async function freshNotebook(name: string): Promise<string> {
  return notebookOf(cast.owner, await createCastWorkspace(cast, name));
}

/** Makes `count` edits, each acknowledged (committed) before the next. */
async function edit(client: YClient, count: number, label: string): Promise<void> {
  for (let index = 0; index < count; index++) {
    client.text.insert(client.text.length, `${label}${index} `);
    expect((await client.settled()).at(-1)).toEqual({ ok: true });
  }
}

/** Disconnects the clients, waits for the server to unload the document, and joins afresh. */
async function reloadFromPostgres(doc: string, clients: YClient[]): Promise<YClient> {
  for (const client of clients) client.socket.disconnect();
  const registry = app.get(DocumentRegistry);
  await eventually(() => registry.get(doc) === undefined, 5000, `${doc} to unload`);
  return session.client(cast.viewer, doc);
}

it(`folds the history into a snapshot after ${COMPACT_AFTER} updates, and a fresh load has it all`, async () => {
  const doc = await freshNotebook('Long history');
  const writer = await session.client(cast.editor, doc);
  await edit(writer, 3 * COMPACT_AFTER, 'w');

  await eventually(
    async () => {
      const rows = await storedRows(app.dataSource, doc);
      return rows.snapshots === 1 && rows.updates < COMPACT_AFTER;
    },
    10_000,
    'the history to be compacted',
  );
  const rows = await storedRows(app.dataSource, doc);
  // Deleted exactly what it folded: nothing lost, nothing counted twice.
  expect(rows.folded + rows.updates).toBe(3 * COMPACT_AFTER);

  const expected = writer.text.toJSON();
  const reloaded = await reloadFromPostgres(doc, [writer]);
  expect(reloaded.text.toJSON()).toBe(expected);
});

it('keeps the updates committed while a compaction is folding', async () => {
  const doc = await freshNotebook('Busy compaction');
  const writer = await session.client(cast.editor, doc);
  await edit(writer, 5, 'before');

  const persistence = app.get(CollabPersistence);
  const folded = await persistence.compact(doc, async (updates) => {
    // These commit in their own transactions while this one holds the rows it read.
    await edit(writer, 5, 'during');
    return Y.mergeUpdates(updates);
  });
  expect(folded).toBe(5);
  expect(await storedRows(app.dataSource, doc)).toEqual({ updates: 5, snapshots: 1, folded: 5 });

  const expected = writer.text.toJSON();
  expect(expected).toContain('during4 ');
  const reloaded = await reloadFromPostgres(doc, [writer]);
  expect(reloaded.text.toJSON()).toBe(expected);
});

it('loses nothing when compactions run while two editors keep writing', async () => {
  const doc = await freshNotebook('Concurrent compaction');
  const alice = await session.client(cast.editor, doc);
  const bob = await session.client(cast.admin, doc);
  const registry = app.get(DocumentRegistry);
  let writing = true;
  const compactions = (async () => {
    while (writing) await registry.compactNow(doc);
  })();
  await Promise.all([edit(alice, 30, 'a'), edit(bob, 30, 'b')]);
  writing = false;
  await compactions;

  await eventually(() => alice.text.toJSON() === bob.text.toJSON(), 5000, 'the editors to converge');
  const rows = await storedRows(app.dataSource, doc);
  expect(rows.folded + rows.updates).toBe(60);
  const expected = alice.text.toJSON();
  const reloaded = await reloadFromPostgres(doc, [alice, bob]);
  expect(reloaded.text.toJSON()).toBe(expected);
  for (let index = 0; index < 30; index++) expect(expected).toContain(`a${index} `);
});

it('starts compactions of one document at least COLLAB_COMPACT_MIN_INTERVAL_MS apart', async () => {
  const spaced = await createTestApp({ COLLAB_COMPACT_AFTER_UPDATES: '10', COLLAB_COMPACT_MIN_INTERVAL_MS: '6000' });
  const spacedSession = new CollabSession(spaced.baseUrl);
  try {
    const people = await registerCast(spaced.baseUrl, 'spaced');
    const doc = await notebookOf(people.owner, await createCastWorkspace(people, 'Spaced compactions'));
    const writer = await spacedSession.client(people.editor, doc);
    const folded = async () => (await storedRows(spaced.dataSource, doc)).folded;

    await edit(writer, 10, 'first');
    await eventually(async () => (await folded()) === 10, 5000, 'the first compaction');
    const firstFoldedAt = Date.now();
    await edit(writer, 10, 'second');
    // Past the threshold again, but the first compaction started less than 6 s ago. Another
    // document crossing its threshold afterwards is compacted at once: once it is, this one
    // would have been too, were it not held back.
    const marker = await notebookOf(people.owner, await createCastWorkspace(people, 'Marker'));
    const markerWriter = await spacedSession.client(people.editor, marker);
    await edit(markerWriter, 10, 'marker');
    await eventually(async () => (await storedRows(spaced.dataSource, marker)).folded === 10, 5000, 'the marker document compacted');
    expect(Date.now() - firstFoldedAt).toBeLessThan(6000);
    expect(await folded()).toBe(10);
    await eventually(async () => (await folded()) === 20, 10_000, 'the second compaction, once the interval has passed');
    expect(Date.now() - firstFoldedAt).toBeGreaterThan(4000);
  } finally {
    spacedSession.close();
    await spaced.close();
  }
}, 45_000);
