// Cold load of a document with a long history. The history is a synthetic editing session:
// three authors taking turns typing into a Y.Text, one character per update, with cursor
// jumps and about one deletion in eight.
//   Ours: the updates are inserted as rows of collab_updates for a fresh notebook, folded
//     into its snapshot by the server's own compaction (CollabPersistence.compact with the
//     YjsSandbox merge, from dist), then a new client connects, joins and syncs; the server
//     loads the document on that join. One more document is joined without compaction, for
//     comparison.
//   Reference: Hocuspocus loads the same history compacted to one Yjs update from a file in
//     onLoadDocument (what its database extension stores).
// Timed: from opening the connection to the server's sync step 2 (the full state) arriving;
// the client's own Y.applyUpdate of that state is reported separately.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import * as Y from 'yjs';
import { connectionFor } from './load.mjs';
import { apiDist } from './servers.mjs';
import { now } from './transports.mjs';
import { seededRandom } from '../synthetic-corpus.mjs';

const INSERT_CHUNK = 20_000;
const fromDist = (file) => pathToFileURL(path.join(apiDist, file)).href;

export function makeHistory(count) {
  // Seeded, so every run edits the same way.
  const next = seededRandom(4);
  const authors = [1, 2, 3].map((clientID) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    return { doc, text: doc.getText('notebook'), cursor: 0 };
  });
  const updates = [];
  let author = authors[0];
  const alphabet = 'etaoin shrdlu cmfwyp vbgkqj xz,.\n';
  while (updates.length < count) {
    if (next() < 0.002) {
      // Another author takes over: bring them up to date, like a client that syncs.
      const previous = author;
      author = authors[(authors.indexOf(author) + 1 + Math.floor(next() * 2)) % authors.length];
      Y.applyUpdate(author.doc, Y.encodeStateAsUpdate(previous.doc, Y.encodeStateVector(author.doc)));
      author.cursor = Math.floor(next() * (author.text.length + 1));
    }
    if (next() < 0.01) author.cursor = Math.floor(next() * (author.text.length + 1));
    let update;
    const capture = (value) => (update = value);
    author.doc.once('update', capture);
    if (next() < 0.12 && author.cursor > 0) {
      author.text.delete(author.cursor - 1, 1);
      author.cursor--;
    } else {
      author.text.insert(author.cursor, alphabet[Math.floor(next() * alphabet.length)]);
      author.cursor++;
    }
    author.doc.off('update', capture);
    if (update) updates.push(update);
  }
  const merged = new Y.Doc();
  Y.transact(merged, () => updates.forEach((update) => Y.applyUpdate(merged, update)));
  return {
    updates,
    bytes: updates.reduce((sum, update) => sum + update.length, 0),
    compacted: Y.encodeStateAsUpdate(merged),
    textLength: merged.getText('notebook').length,
  };
}

/** Opens a connection to a document that no client has opened yet, and times the sync. */
async function timedJoin(server, doc, history) {
  const connection = connectionFor(server, doc);
  // The state as sync step 2; Hocuspocus also broadcasts what onLoadDocument applied as an
  // update, which the timing ignores.
  const updates = [];
  connection.onUpdate = (update, _arrivedAt, isSyncStep2) => isSyncStep2 && updates.push(update);
  const started = now();
  const syncedAt = await connection.open();
  const applyStarted = now();
  const replica = new Y.Doc();
  Y.transact(replica, () => updates.forEach((update) => Y.applyUpdate(replica, update)));
  const applyMs = now() - applyStarted;
  const complete = replica.getText('notebook').length === history.textLength;
  connection.close();
  return { ms: syncedAt - started, applyMs, complete, bytes: updates.reduce((sum, update) => sum + update.length, 0) };
}

async function insertHistory(client, doc, updates) {
  for (let start = 0; start < updates.length; start += INSERT_CHUNK) {
    const chunk = updates.slice(start, start + INSERT_CHUNK).map((update) => Buffer.from(update));
    await client.query(`INSERT INTO collab_updates (document_name, "update") SELECT $1, u FROM unnest($2::bytea[]) AS u`, [doc, chunk]);
  }
}

/** The server's compaction (dist), run from here against the server's database. */
async function serverCompaction(databaseUrl) {
  try {
    const [{ CollabPersistence }, { YjsSandbox }, { DataSource }, { buildDataSourceOptions }] = await Promise.all([
      import(fromDist('modules/collab/collab-persistence.service.js')),
      import(fromDist('modules/collab/yjs-sandbox.js')),
      import('typeorm'),
      import(fromDist('database/data-source-options.js')),
    ]);
    const dataSource = new DataSource({ ...buildDataSourceOptions(databaseUrl), extra: { max: 2 } });
    await dataSource.initialize();
    const persistence = new CollabPersistence(dataSource);
    const sandbox = new YjsSandbox({ deadlineMs: 60_000, maxHeapMb: 1024 });
    return {
      how: 'CollabPersistence.compact + YjsSandbox.merge (dist)',
      compact: (doc) => persistence.compact(doc, (updates) => sandbox.merge(updates)),
      close: async () => {
        await sandbox.close();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    return { how: `none (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, compact: null, close: async () => undefined };
  }
}

export async function coldLoadOurs(server, history, { runs, docs }) {
  if (docs.length < runs + 1) throw new Error(`cold load needs ${runs + 1} documents, got ${docs.length}`);
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  const compaction = await serverCompaction(server.databaseUrl);
  try {
    const result = { how: compaction.how, compacted: [], uncompacted: null, compactMs: [] };
    for (const doc of docs.slice(0, runs)) {
      await insertHistory(client, doc, history.updates);
      if (compaction.compact) {
        const started = now();
        const folded = await compaction.compact(doc);
        result.compactMs.push(now() - started);
        if (folded !== history.updates.length) throw new Error(`compaction folded ${folded} of ${history.updates.length} updates`);
      }
      await client.query('VACUUM ANALYZE collab_updates, collab_snapshots');
      await sleep(200);
      result.compacted.push(await timedJoin(server, doc, history));
    }
    const raw = docs[runs];
    await insertHistory(client, raw, history.updates);
    await client.query('VACUUM ANALYZE collab_updates');
    result.uncompacted = await timedJoin(server, raw, history);
    const [{ bytes }] = (await client.query('SELECT coalesce(max(octet_length(state)), 0)::int AS bytes FROM collab_snapshots WHERE document_name = ANY($1)', [docs.slice(0, runs)])).rows;
    result.snapshotBytes = bytes;
    return result;
  } finally {
    await compaction.close();
    await client.end();
  }
}

export async function coldLoadReference(server, history, { runs }) {
  const result = { how: 'onLoadDocument applies one compacted update read from a file', compacted: [], uncompacted: null, compactMs: [], snapshotBytes: history.compacted.length };
  for (let i = 0; i < runs; i++) result.compacted.push(await timedJoin(server, `cold-${i}`, history));
  return result;
}

/** Writes the compacted history where the reference server's onLoadDocument reads it. */
coldLoadReference.prepare = async (history) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-sync-bench-'));
  const seedFile = path.join(dir, 'history.bin');
  await writeFile(seedFile, history.compacted);
  return { seedPrefix: 'cold-', seedFile };
};
