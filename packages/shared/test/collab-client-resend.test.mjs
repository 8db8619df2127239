/**
 * Edits the server never confirmed as stored are resent explicitly after a reconnection,
 * whatever the server's state vector says. Against a fake gateway that fails saves the way
 * the API did during a database outage (applied in memory, so counted in its state vector,
 * but answered `unavailable` and never stored): a client trusting that state vector would
 * answer with an empty step 2, and the edit would be lost.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { CollabClient } from '../dist/collab-client/index.js';
import { startFakeCollabServer } from './fake-collab-server.mjs';

let server;
const clients = [];

async function until(condition, what, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

before(async () => {
  server = await startFakeCollabServer();
});

after(async () => {
  for (const client of clients) client.destroy();
  await server.close();
});

test('an edit refused as unavailable is resent after reconnecting even if the server claims to have it', async () => {
  const client = new CollabClient({ url: server.url, token: 'a', backoff: { initialMs: 20, maxMs: 100, jitter: 0.5 } });
  clients.push(client);
  client.connect();
  const session = client.openDoc('nb-outage').session;
  await until(() => session.getSnapshot().synced, 'synced');

  server.failingSaves.add('nb-outage');
  session.doc.getText('markdown').insert(0, 'typed during the outage');
  await until(() => session.getSnapshot().error === 'unavailable', 'the save refused as unavailable');
  assert.equal(server.storedText('nb-outage'), '', 'not stored');
  assert.equal(server.docText('nb-outage'), 'typed during the outage', "counted in the server's state vector");

  // The database is back, and the connection drops before the client's own retry.
  server.failingSaves.delete('nb-outage');
  server.dropAll();
  await until(() => client.getStatus().state === 'online' && session.getSnapshot().synced, 'reconnected and synced');
  await until(() => session.getSnapshot().pendingUpdates === 0, 'every edit confirmed');
  assert.equal(server.storedText('nb-outage'), 'typed during the outage');
});
