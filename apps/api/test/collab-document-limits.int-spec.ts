/**
 * Limits that keep one account from sinking a process: a collaborative document cannot grow
 * past COLLAB_MAX_DOCUMENT_BYTES (the update is refused `too_large` before anything is stored
 * or relayed), one account cannot hold more than COLLAB_MAX_SOCKETS_PER_USER sockets, and a
 * large document answers sync requests from a worker thread, with the same bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { registerUser, type TestUser } from './api-client.js';
import { connected, eventually, notebookOf, type YClient } from './collab-client.js';
import { CollabSession, nextEvent, sendFrame, standaloneInsert, storedRows, updateMessage } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createWorkspace } from './fixtures.js';
import { DocumentRegistry } from '../src/modules/collab/document-registry.service.js';

const MAX_DOCUMENT_BYTES = 64 * 1024;
const MAX_SOCKETS = 3;
/** Random text does not compress: each chunk costs about its length in storage. */
const CHUNK = 20 * 1024;

let app: TestApp;
let session: CollabSession;
let owner: TestUser;

beforeAll(async () => {
  app = await createTestApp({
    COLLAB_MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES),
    COLLAB_MAX_SOCKETS_PER_USER: String(MAX_SOCKETS),
    COLLAB_OFF_THREAD_ENCODE_BYTES: String(16 * 1024),
  });
  session = new CollabSession(app.baseUrl);
  owner = await registerUser(app.baseUrl, 'limits');
});

afterAll(async () => {
  session.close();
  await app.close();
});

async function freshNotebook(name: string, by: TestUser = owner): Promise<string> {
  return notebookOf(by, await createWorkspace(by, name));
}

describe('document size', () => {
  it('refuses the update that would pass the limit, stores and relays nothing of it, and keeps serving', async () => {
    const notebook = await freshNotebook('Size cap');
    const writer = await session.client(owner, notebook);
    const reader = await session.client(owner, notebook);
    const answers: unknown[] = [];
    for (let index = 0; index < 4; index++) {
      writer.text.insert(writer.text.length, randomBytes(CHUNK / 2).toString('hex'));
      answers.push((await writer.settled()).at(-1));
    }
    expect(answers.slice(0, 3)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(answers[3]).toMatchObject({ ok: false, error: 'too_large', message: expect.stringContaining(`the limit is ${MAX_DOCUMENT_BYTES}`) });
    expect((await storedRows(app.dataSource, notebook)).updates).toBe(3);

    // A small edit still fits, and reaches the reader: the refused chunk never did.
    expect(await sendFrame(writer.socket, notebook, updateMessage(standaloneInsert('ok')))).toEqual({ ok: true });
    const relayed = (reader: YClient) => reader.content;
    const storedLength = 3 * CHUNK + 'ok'.length;
    await eventually(() => relayed(reader).length === storedLength, 5000, 'the reader to receive the stored document');
  });

  it('answers a large document from the worker with the same bytes as the main thread would', async () => {
    // Each test has an account of its own: sockets count against the per-account limit.
    const author = await registerUser(app.baseUrl, 'large');
    const notebook = await freshNotebook('Large read', author);
    const writer = await session.client(author, notebook);
    writer.text.insert(0, randomBytes(CHUNK / 2).toString('hex'));
    await writer.settled();
    const registry = app.get(DocumentRegistry);
    const before = registry.encodedOffThread;
    const late = await session.client(author, notebook);
    expect(registry.encodedOffThread).toBeGreaterThan(before);
    expect(late.content).toBe(writer.content);
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(writer.doc));
  });
});

describe('sockets per account', () => {
  it(`refuses the socket past ${MAX_SOCKETS} with too_many_connections, and accepts one again after another closes`, async () => {
    const user = await registerUser(app.baseUrl, 'tabs');
    const sockets = await Promise.all(Array.from({ length: MAX_SOCKETS }, () => session.socket(user)));
    await expect(connected(session.open(user))).rejects.toThrow('too_many_connections');
    // Someone else is not affected.
    await expect(connected(session.open(await registerUser(app.baseUrl, 'other')))).resolves.toBeUndefined();
    const closedOnServer = nextEvent(sockets[0]!, 'disconnect');
    sockets[0]!.disconnect();
    await closedOnServer;
    await eventuallyConnects(user);
  });
});

/** The server counts the closed socket out once its disconnect is processed; retry until then. */
async function eventuallyConnects(user: TestUser): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await connected(session.open(user));
      return;
    } catch (error) {
      if (!String(error).includes('too_many_connections')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  throw new Error('no socket accepted after one was closed');
}
