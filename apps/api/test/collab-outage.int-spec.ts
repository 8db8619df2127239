/**
 * A Postgres outage while people edit, with some of them reconnecting during it: the failure
 * that used to lose acknowledged edits. The test runs its own Postgres (embedded, on a spare
 * port) so that it can kill it (SIGQUIT to the postmaster: an immediate shutdown, as
 * `pg_ctl stop -m immediate`) and start it again, with the API as a real child process.
 *
 * Clients are plain y-protocols clients (test/collab-client.ts), which resync like
 * y-websocket: they answer the server's sync step 1 with what its state vector lacks, and join
 * again when the server asks them to. So what is checked here is the server's side alone:
 * it must never advertise an update that is not stored. Afterwards the notebook is decoded
 * from Postgres itself (snapshot + stored updates), not from the server's memory.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { freePort, startEmbeddedPostgres, type RunningPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/prepare-database.js';
import { registerUser, type TestUser } from './api-client.js';
import { API_STARTUP_TIMEOUT_MS, killAllApiProcesses, startApiProcess, type ApiProcess } from './api-process.js';
import { connectSocket, connected, eventually, notebookOf, YClient } from './collab-client.js';
import { createWorkspace } from './fixtures.js';

const WRITERS = 8;
/** Writers that lose their connection during the outage and come back as new sockets. */
const DROPPED = 3;
/** Each writer types about this many edits per second, waiting for each answer. */
const EDIT_INTERVAL_MS = 100;
const ACKS_BEFORE_OUTAGE = 120;
/** Refused edits to collect before Postgres comes back: the outage must have bitten. */
const REFUSALS_DURING_OUTAGE = 150;
const ACKS_AFTER_RECOVERY_PER_WRITER = 5;

interface Writer {
  index: number;
  client: YClient;
  typed: string[];
  acknowledged: Set<string>;
  refused: number;
  /** A join asked for by the server is under way (meanwhile edits are refused, and kept). */
  rejoining: Promise<void> | null;
  /** The writer lost its connection and is getting a new one; typing waits for it. */
  reconnecting: Promise<void> | null;
}

let dataDir: string;
let port: number;
let postgres: RunningPostgres;
let databaseUrl: string;
let server: ApiProcess;
let owner: TestUser;
let notebook: string;
let writers: Writer[] = [];
let stopTyping = false;
const figures = { acknowledged: 0, typed: 0, refusedWhileDown: 0, databaseDownMs: 0, recoverMs: 0, sawDegradedHealth: false };

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Immediate shutdown: the postmaster gets SIGQUIT and every backend dies mid-transaction. */
async function crashPostgres(): Promise<void> {
  const pid = Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  process.kill(pid, 'SIGQUIT');
  await eventually(async () => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  }, 10_000, 'the postmaster to exit');
}

async function health(): Promise<number> {
  const response = await fetch(`${server.baseUrl}/api/health`).catch(() => null);
  return response?.status ?? 0;
}

/** Joins until the server says yes: while Postgres is down it answers `unavailable`. */
async function joinUntilAccepted(writer: Writer): Promise<void> {
  for (;;) {
    const answer = await writer.client.join().catch(() => ({ ok: false as const, error: 'unavailable' as const }));
    if (answer.ok) return;
    if (answer.error !== 'unavailable') throw new Error(`join refused: ${answer.error}`);
    await delay(100);
  }
}

/** A new socket for the writer, as after a network blip: retried until the handshake succeeds. */
function reconnect(writer: Writer): Promise<void> {
  writer.client.socket.disconnect();
  writer.reconnecting = connectAndJoin(writer).finally(() => (writer.reconnecting = null));
  return writer.reconnecting;
}

async function connectAndJoin(writer: Writer): Promise<void> {
  for (;;) {
    const socket = connectSocket(server.baseUrl, owner);
    try {
      await connected(socket);
      const previous = writer.client;
      writer.client = followRejoinRequests(writer, YClient.continuing(previous, socket));
      previous.close();
      await joinUntilAccepted(writer);
      return;
    } catch {
      socket.disconnect();
      await delay(100);
    }
  }
}

/** The server asks a client to join again (`not_joined`) when it reloads a document. */
function followRejoinRequests(writer: Writer, client: YClient): YClient {
  client.socket.on('collab-error', (event: { doc?: string; error: string }) => {
    if (event.doc !== client.name || event.error !== 'not_joined' || writer.client !== client) return;
    writer.rejoining ??= joinUntilAccepted(writer).finally(() => (writer.rejoining = null));
  });
  return client;
}

async function keepTyping(writer: Writer, onAnswer: () => void): Promise<void> {
  let sequence = 0;
  while (!stopTyping) {
    if (writer.reconnecting) await writer.reconnecting;
    const token = `[w${writer.index}#${sequence++}]`;
    writer.typed.push(token);
    const answer = await writer.client.edit((doc) => {
      const text = doc.getText('markdown');
      text.insert(text.length, token);
    });
    if (answer.ok) writer.acknowledged.add(token);
    else writer.refused += 1;
    onAnswer();
    await delay(EDIT_INTERVAL_MS);
  }
}

/** The notebook as Postgres holds it, and whether every stored update could be integrated. */
async function notebookFromPostgres(): Promise<{ content: string; complete: boolean }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const snapshots = (await client.query(`SELECT state FROM collab_snapshots WHERE document_name = $1`, [notebook])).rows as { state: Buffer }[];
    const rows = (await client.query(`SELECT "update" FROM collab_updates WHERE document_name = $1 ORDER BY id`, [notebook])).rows as { update: Buffer }[];
    const doc = new Y.Doc();
    for (const row of snapshots) Y.applyUpdate(doc, new Uint8Array(row.state));
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
    // Updates whose dependencies are missing wait in pendingStructs: stored but not showable.
    const complete = doc.store.pendingStructs === null && doc.store.pendingDs === null;
    const content = doc.getText('markdown').toJSON();
    doc.destroy();
    return { content, complete };
  } finally {
    await client.end();
  }
}

function acknowledgedTokens(): string[] {
  return writers.flatMap((writer) => [...writer.acknowledged]);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-outage-pg-'));
  // As root, Postgres runs as its own OS user, which must be able to enter this folder.
  await chmod(dataDir, 0o755);
  port = await freePort();
  postgres = await startEmbeddedPostgres({ dataDir, database: 'outage', port });
  databaseUrl = postgres.url;
  await runMigrations(databaseUrl);
  server = await startApiProcess({ databaseUrl, env: { LOG_LEVEL: 'info' } });
  owner = await registerUser(server.baseUrl, 'outage');
  notebook = await notebookOf(owner, await createWorkspace(owner, 'Outage notes'));

  writers = [];
  for (let index = 0; index < WRITERS; index++) {
    const socket = connectSocket(server.baseUrl, owner);
    await connected(socket);
    const writer: Writer = { index, client: undefined as unknown as YClient, typed: [], acknowledged: new Set(), refused: 0, rejoining: null, reconnecting: null };
    writer.client = followRejoinRequests(writer, new YClient(socket, notebook));
    await joinUntilAccepted(writer);
    writers.push(writer);
  }

  // Type until enough edits are stored, then crash Postgres under the typists.
  let outage: 'before' | 'down' | 'back' = 'before';
  let reachedAcks!: () => void;
  let reachedRefusals!: () => void;
  const enoughAcks = new Promise<void>((resolve) => (reachedAcks = resolve));
  const enoughRefusals = new Promise<void>((resolve) => (reachedRefusals = resolve));
  const onAnswer = () => {
    if (outage === 'before' && acknowledgedTokens().length >= ACKS_BEFORE_OUTAGE) reachedAcks();
    if (outage === 'down' && writers.reduce((sum, writer) => sum + writer.refused, 0) >= REFUSALS_DURING_OUTAGE) reachedRefusals();
  };
  const typing = Promise.all(writers.map((writer) => keepTyping(writer, onAnswer)));
  await enoughAcks;

  await crashPostgres();
  outage = 'down';
  const downAt = Date.now();
  await eventually(async () => (await health()) === 503, 10_000, 'health to report the database down');
  figures.sawDegradedHealth = true;
  // Some people lose their connection meanwhile (a network blip, a draining load balancer).
  const reconnections = writers.slice(0, DROPPED).map((writer) => reconnect(writer));
  await enoughRefusals;
  figures.refusedWhileDown = writers.reduce((sum, writer) => sum + writer.refused, 0);

  postgres = await startEmbeddedPostgres({ dataDir, database: 'outage', port });
  outage = 'back';
  const backAt = Date.now();
  await eventually(async () => (await health()) === 200, 20_000, 'health to report the database up');
  figures.databaseDownMs = Date.now() - downAt;
  await Promise.all(reconnections);
  const ackedBefore = writers.map((writer) => writer.acknowledged.size);
  await eventually(() => writers.every((writer, index) => writer.acknowledged.size >= (ackedBefore[index] ?? 0) + ACKS_AFTER_RECOVERY_PER_WRITER), 30_000, 'every writer saving again');
  stopTyping = true;
  await typing;
  await Promise.all(writers.flatMap((writer) => (writer.rejoining ? [writer.rejoining] : [])));
  await Promise.all(writers.map((writer) => writer.client.settled()));
  const everyToken = writers.flatMap((writer) => writer.typed);
  await eventually(
    () => writers.every((writer) => writer.client.content === writers[0]?.client.content) && everyToken.every((token) => writers[0]?.client.content.includes(token)),
    20_000,
    'every writer holding every edit',
  );
  figures.recoverMs = Date.now() - backAt;
  figures.acknowledged = acknowledgedTokens().length;
  figures.typed = everyToken.length;
}, API_STARTUP_TIMEOUT_MS + 120_000);

afterAll(async () => {
  for (const writer of writers) writer.client.close();
  await killAllApiProcesses();
  await postgres?.stop().catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a Postgres outage while clients edit and reconnect', () => {
  it('refused edits while the database was down and said so in health and in the log', () => {
    expect(figures.refusedWhileDown).toBeGreaterThanOrEqual(REFUSALS_DURING_OUTAGE);
    expect(figures.sawDegradedHealth).toBe(true);
    expect(server.output()).toMatch(/could not commit an update of .* to Postgres/);
    expect(server.output()).toMatch(/commits to Postgres succeed again after/);
  });

  it('stores every acknowledged edit, all of them readable from Postgres alone', async () => {
    const stored = await notebookFromPostgres();
    const lost = acknowledgedTokens().filter((token) => !stored.content.includes(token));
    const lostTyped = writers.flatMap((writer) => writer.typed).filter((token) => !stored.content.includes(token));
    // The figures the issue asks for, printed for the closing note.
    console.log(`outage figures: ${JSON.stringify({ ...figures, lostAcknowledged: lost.length, lostTyped: lostTyped.length, storedComplete: stored.complete })}`);
    expect(stored.complete).toBe(true);
    expect(lost).toEqual([]);
    // Every client came back and resynced, so even the refused edits are stored now.
    expect(lostTyped).toEqual([]);
  });

  it('leaves every client with exactly what Postgres holds', async () => {
    const stored = await notebookFromPostgres();
    for (const writer of writers) expect(writer.client.content).toBe(stored.content);
  });
});
