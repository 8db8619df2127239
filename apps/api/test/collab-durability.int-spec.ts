/**
 * What "acknowledged" promises when the server dies: 20 clients keep appending unique tokens
 * to the notebook while the API process is SIGKILLed. Every token the server acknowledged
 * must be in the document a restarted server loads; tokens it never acknowledged live on in
 * the clients, which resend them on reconnect, so nobody's work is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { registerUser, type TestUser } from './api-client.js';
import { API_STARTUP_TIMEOUT_MS, killAllApiProcesses, startApiProcess, type ApiProcess } from './api-process.js';
import { connectSocket, connected, eventually, notebookOf, YClient } from './collab-client.js';
import { addMember, createWorkspace } from './fixtures.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const WRITERS = 20;
/** Edits each writer keeps unacknowledged at once, so the kill always cuts some off mid-flight. */
const EDITS_IN_FLIGHT = 3;
/** Well under the per-socket burst (400), so no edit is refused for its rate. */
const KILL_AFTER_ACKS = 600;
/**
 * Every INSERT into collab_updates takes this long, like a slow disk: the kill then always
 * finds updates queued behind a commit in progress, the window where an ack sent before its
 * commit would be exposed.
 */
const SLOW_COMMIT_SECONDS = 0.03;
const SERVER_ENV = {
  // Compaction runs every few dozen updates, so the kill may also land in the middle of one.
  COLLAB_COMPACT_AFTER_UPDATES: '40',
};

interface Writer {
  client: YClient;
  /** Every token this writer typed, in order. */
  typed: string[];
  acknowledged: Set<string>;
  refusals: string[];
}

let database: TestDatabase;
let server: ApiProcess;
let owner: TestUser;
let editor: TestUser;
let editorToken: string;
let notebook: string;
const clients: YClient[] = [];

/** Even writers are the owner with a session cookie, odd ones the editor with a personal access token. */
async function openSocket(baseUrl: string, index: number): Promise<Socket> {
  const socket = index % 2 === 0 ? connectSocket(baseUrl, owner) : connectSocket(baseUrl, null, { token: editorToken });
  await connected(socket);
  return socket;
}

async function joined(client: YClient): Promise<YClient> {
  clients.push(client);
  const answer = await client.join();
  if (!answer.ok) throw new Error(`join failed: ${answer.error}`);
  return client;
}

async function freshReader(baseUrl: string): Promise<YClient> {
  return joined(new YClient(await openSocket(baseUrl, 0), notebook));
}

/** Appends token after token to the end of the notebook, `EDITS_IN_FLIGHT` at a time, until told to stop. */
async function keepTyping(writer: Writer, index: number, stopped: () => boolean, onAcknowledged: () => void): Promise<void> {
  let sequence = 0;
  const lane = async (): Promise<void> => {
    while (!stopped()) {
      const token = `[w${index}#${sequence++}]`;
      writer.typed.push(token);
      const answer = await writer.client.edit((doc) => {
        const text = doc.getText('markdown');
        text.insert(text.length, token);
      });
      if (!answer.ok) {
        writer.refusals.push(`${answer.error}: ${answer.message ?? ''}`);
        return;
      }
      writer.acknowledged.add(token);
      onAcknowledged();
    }
  };
  await Promise.all(Array.from({ length: EDITS_IN_FLIGHT }, lane));
}

async function slowDownCommits(target: TestDatabase): Promise<void> {
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`
      CREATE FUNCTION test_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(${SLOW_COMMIT_SECONDS}); RETURN NULL; END $$;
      CREATE TRIGGER test_slow_commit AFTER INSERT ON collab_updates FOR EACH STATEMENT EXECUTE FUNCTION test_slow_commit();
    `);
  } finally {
    await client.end();
  }
}

function missingFrom(content: string, tokens: Iterable<string>): string[] {
  return [...tokens].filter((token) => !content.includes(token));
}

let writers: Writer[];

beforeAll(async () => {
  database = await createTestDatabase();
  await slowDownCommits(database);
  server = await startApiProcess({ databaseUrl: database.url, env: SERVER_ENV });
  [owner, editor] = await Promise.all([registerUser(server.baseUrl, 'owner'), registerUser(server.baseUrl, 'editor')]);
  const workspaceId = await createWorkspace(owner, 'Crash notes');
  await addMember(owner, workspaceId, editor, 'editor');
  editorToken = (await editor.client.post<{ token: string }>('/auth/tokens', { name: 'durability test' })).body.token;
  notebook = await notebookOf(owner, workspaceId);
  const typists = await Promise.all(Array.from({ length: WRITERS }, async (_, index) => joined(new YClient(await openSocket(server.baseUrl, index), notebook))));
  writers = typists.map((client) => ({ client, typed: [], acknowledged: new Set(), refusals: [] }));

  let acknowledged = 0;
  let killed = false;
  const typing = writers.map((writer, index) =>
    keepTyping(
      writer,
      index,
      () => killed,
      () => {
        acknowledged += 1;
        if (acknowledged < KILL_AFTER_ACKS || killed) return;
        killed = true;
        void server.kill('SIGKILL');
      },
    ),
  );
  // Edits in flight at the kill are answered "no answer" once each socket sees the connection drop.
  await Promise.all(typing);
  await server.exited;
  server = await startApiProcess({ databaseUrl: database.url, env: SERVER_ENV });
}, 2 * API_STARTUP_TIMEOUT_MS + 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await killAllApiProcesses();
  await database?.drop();
});

describe('a SIGKILLed server', () => {
  it('was killed while edits were in flight, and refused none before that', () => {
    const unacknowledged = writers.flatMap((writer) => writer.typed.filter((token) => !writer.acknowledged.has(token)));
    expect(writers.reduce((sum, writer) => sum + writer.acknowledged.size, 0)).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(unacknowledged.length).toBeGreaterThan(0);
    // The only failed answers are the client's own, for edits whose connection died.
    expect(new Set(writers.flatMap((writer) => writer.refusals))).toEqual(new Set(['unavailable: no answer']));
  });

  it('loses no acknowledged update: the restarted server loads every one of them', async () => {
    const reader = await freshReader(server.baseUrl);
    expect(missingFrom(reader.content, writers.flatMap((writer) => [...writer.acknowledged]))).toEqual([]);
  }, 60_000);

  it('gets every edit of every client, acknowledged or not, once they reconnect', async () => {
    const reconnected = await Promise.all(writers.map(async (writer, index) => joined(YClient.continuing(writer.client, await openSocket(server.baseUrl, index)))));
    const everyToken = writers.flatMap((writer) => writer.typed);
    await eventually(
      () => reconnected.every((client) => client.content === reconnected[0]?.content) && missingFrom(reconnected[0]?.content ?? '', everyToken).length === 0,
      20_000,
      'all reconnected clients holding every edit',
    );
    const answers = (await Promise.all(reconnected.map((client) => client.settled()))).flat();
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);

    // Resent edits were acknowledged, so they too must survive the next crash.
    const converged = reconnected[0]?.content;
    await server.kill('SIGKILL');
    server = await startApiProcess({ databaseUrl: database.url, env: SERVER_ENV });
    const reader = await freshReader(server.baseUrl);
    expect(reader.content).toBe(converged);
  }, API_STARTUP_TIMEOUT_MS + 60_000);
});
