/**
 * The collab client against a fake gateway (test/fake-collab-server.mjs): sync between two
 * clients, acknowledged saves, offline edits carried over a reconnection, read-only joins,
 * workspace events and presence. Runs on the compiled client: `pnpm --filter @marginalia/shared test`.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { CollabClient, PendingUpdates, decodeFrame, encodeSyncStep1, reconnectDelay } from '../dist/collab-client/index.js';
import * as Y from 'yjs';
import { startFakeCollabServer } from './fake-collab-server.mjs';

const FAST_BACKOFF = { initialMs: 20, maxMs: 100, jitter: 0.5 };
let server;
const clients = [];

function newClient(token, outbox) {
  const client = new CollabClient({ url: server.url, token, backoff: FAST_BACKOFF, lingerMs: 10, ...(outbox ? { outbox } : {}) });
  clients.push(client);
  client.connect();
  return client;
}

/** Polls a condition: the client's state changes arrive through several async hops. */
async function until(condition, what, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

before(async () => {
  server = await startFakeCollabServer({ readOnlyTokens: ['viewer'] });
});

after(async () => {
  for (const client of clients) client.destroy();
  await server.close();
});

test('backoff grows exponentially up to the cap, with jitter below the nominal delay', () => {
  const options = { initialMs: 100, maxMs: 1000, jitter: 0.5 };
  assert.equal(reconnectDelay(0, options, () => 0), 100);
  assert.equal(reconnectDelay(3, options, () => 0), 800);
  assert.equal(reconnectDelay(10, options, () => 0), 1000);
  assert.equal(reconnectDelay(10, options, () => 1), 500);
});

test('frames decode to what was encoded', () => {
  const doc = new Y.Doc();
  doc.getText('markdown').insert(0, 'hello');
  const decoded = decodeFrame(encodeSyncStep1(doc));
  assert.equal(decoded.kind, 'sync-step-1');
  assert.deepEqual(Y.decodeStateVector(decoded.stateVector), Y.decodeStateVector(Y.encodeStateVector(doc)));
});

test('pending updates: in flight, requeued, settled', () => {
  const pending = new PendingUpdates();
  const doc = new Y.Doc();
  doc.on('update', (update) => pending.record(update));
  doc.getText('t').insert(0, 'a');
  doc.getText('t').insert(1, 'b');
  assert.equal(pending.total, 2);
  const { ticket, update } = pending.take();
  assert.ok(update);
  pending.requeue(ticket);
  assert.equal(pending.total, 2);
  pending.settle(pending.take().ticket);
  assert.equal(pending.total, 0);
});

test('two clients edit one document; saves are acknowledged', async () => {
  const a = newClient('a').openDoc('nb-1').session;
  const b = newClient('b').openDoc('nb-1').session;
  await until(() => a.getSnapshot().synced && b.getSnapshot().synced, 'both synced');
  a.doc.getText('markdown').insert(0, '# Findings');
  await until(() => b.doc.getText('markdown').toString() === '# Findings', 'B sees A');
  await until(() => a.getSnapshot().pendingUpdates === 0, 'A saved');
  assert.equal(server.docText('nb-1'), '# Findings');
});

test('edits made offline are kept and sent after reconnection', async () => {
  const client = newClient('a');
  const session = client.openDoc('nb-2').session;
  await until(() => session.getSnapshot().synced, 'synced');
  const states = [];
  client.onStatus((status) => states.push(status.state));
  server.dropAll();
  await until(() => client.getStatus().state !== 'online', 'connection lost');
  session.doc.getText('markdown').insert(0, 'written offline');
  assert.ok(session.getSnapshot().pendingUpdates > 0, 'counted as unsaved');
  await until(() => client.getStatus().state === 'online', 'reconnected');
  await until(() => session.getSnapshot().pendingUpdates === 0, 'saved after reconnection');
  assert.equal(server.docText('nb-2'), 'written offline');
  assert.ok(states.includes('reconnecting'), `went through reconnecting: ${states.join(', ')}`);
});

test('a read-only member is told so and sends no document updates', async () => {
  const writer = newClient('a').openDoc('nb-3').session;
  await until(() => writer.getSnapshot().synced, 'writer synced');
  writer.doc.getText('markdown').insert(0, 'for viewers');
  const viewer = newClient('viewer').openDoc('nb-3').session;
  await until(() => viewer.getSnapshot().synced, 'viewer synced');
  assert.equal(viewer.getSnapshot().readOnly, true);
  assert.equal(viewer.doc.getText('markdown').toString(), 'for viewers');
  // A later frame of the viewer's own (its cursor) reaching the server proves every earlier one has.
  viewer.awareness.setLocalStateField('cursor', { marker: true });
  await until(() => server.received.some((frame) => frame.readOnly && frame.kind === 'awareness'), "the viewer's awareness at the server");
  assert.ok(!server.received.some((frame) => frame.readOnly && frame.kind !== 'sync-step-1' && frame.kind !== 'awareness'), 'no step 2 or update from the viewer');
});

test('a refused document can be asked for again once access is given back', async () => {
  server.deniedDocs.add('nb-denied');
  const session = newClient('a').openDoc('nb-denied').session;
  await until(() => session.getSnapshot().status === 'denied', 'refused');
  assert.equal(session.getSnapshot().error, 'not_found');
  session.retryJoin();
  await until(() => session.getSnapshot().status === 'denied' && session.getSnapshot().error === 'not_found', 'refused again while still without access');

  server.deniedDocs.delete('nb-denied');
  session.retryJoin();
  await until(() => session.getSnapshot().synced, 'joined and synced');
  session.doc.getText('markdown').insert(0, 'back in');
  await until(() => server.docText('nb-denied') === 'back in', 'the edit stored');
});

test('workspace events and presence reach subscribers, also after a reconnection', async () => {
  const client = newClient('a');
  const { subscription } = client.subscribeWorkspace('w1');
  const events = [];
  subscription.onEvent((event) => events.push(event));
  subscription.setLocation('/w/w1/notebook');
  await until(() => subscription.getPresence()?.users[0]?.location === '/w/w1/notebook', 'presence with location');
  server.dropAll();
  await until(() => client.getStatus().state !== 'online', 'connection lost');
  await until(() => subscription.getPresence() !== null, 'presence again after resubscribing');
  server.emitWorkspaceEvent({ type: 'documents.changed', workspaceId: 'w1', ids: ['d1'], byUserId: null, at: new Date().toISOString() });
  await until(() => events.length === 1, 'the event');
  assert.equal(events[0].type, 'documents.changed');
});

test('typing in a thread reaches the workspace\'s other subscribers', async () => {
  const writer = newClient('writer');
  const reader = newClient('reader');
  const { subscription: writing } = writer.subscribeWorkspace('w2');
  const { subscription: reading } = reader.subscribeWorkspace('w2');
  const seenByReader = [];
  reading.onTyping((event) => seenByReader.push(event));
  // Sent only once subscribed; until then the signal is dropped, so keep signalling as a keyboard would.
  await until(() => {
    writing.sendTyping('t1');
    return seenByReader.length > 0;
  }, 'the typing signal');
  assert.equal(seenByReader[0].threadId, 't1');
  assert.equal(seenByReader[0].workspaceId, 'w2');
  assert.equal(seenByReader[0].user.name, 'Mei');
});

/** The OfflineOutbox contract over a Map shared like one IndexedDB database; `owner` is the tab. */
function memoryOutbox(records, owner) {
  const prefix = (doc) => `${doc}\u0001`;
  return {
    async restore(doc) {
      const keys = [...records.keys()].filter((key) => key.startsWith(prefix(doc)));
      if (keys.length === 0) return null;
      return { update: Y.mergeUpdates(keys.map((key) => records.get(key))), keys };
    },
    async save(doc, unsaved) {
      if (unsaved === null) records.delete(prefix(doc) + owner);
      else records.set(prefix(doc) + owner, unsaved);
    },
    async forget(keys) {
      for (const key of keys) if (!key.endsWith(`\u0001${owner}`)) records.delete(key);
    },
  };
}

/** A client with an outbox in `records` (a tab), synced on `doc` and then cut off from the server. */
async function offlineTab(records, doc) {
  const client = newClient('a', memoryOutbox(records, 'tab-1'));
  const session = client.openDoc(doc).session;
  await until(() => session.getSnapshot().synced, 'synced');
  client.disconnect();
  return { client, session };
}

test('edits made offline outlive the client through the outbox, and the next client sends them', async () => {
  const records = new Map();
  const { client: first, session } = await offlineTab(records, 'nb-outbox');
  session.doc.getText('markdown').insert(0, 'drafted before the tab closed');
  assert.equal(first.getStatus().unsavedKeptOffline, false, 'not kept before the outbox write has finished');
  await until(() => first.getStatus().unsavedKeptOffline, 'the status says the unsaved edit is kept offline');
  assert.equal(records.size, 1, 'the unsaved edit is in the outbox');
  session.doc.getText('markdown').insert(0, 'newer: ');
  assert.equal(first.getStatus().unsavedKeptOffline, false, 'a newer edit is not kept until it is written too');
  await until(() => first.getStatus().unsavedKeptOffline, 'kept again');
  first.destroy(); // the tab is gone; the server never saw the edit
  assert.equal(server.docText('nb-outbox'), '');

  const second = newClient('a', memoryOutbox(records, 'tab-2'));
  const again = second.openDoc('nb-outbox').session;
  await until(() => server.docText('nb-outbox') === 'newer: drafted before the tab closed', 'the next client sent it');
  await until(() => again.getSnapshot().pendingUpdates === 0 && records.size === 0, 'saved, and the outbox emptied');
  assert.equal(again.doc.getText('markdown').toString(), 'newer: drafted before the tab closed');
  assert.equal(second.getStatus().unsavedKeptOffline, false, 'nothing unsaved, nothing to keep');
});

test('edits restored from the outbox before the server state arrived are still sent', async () => {
  // The offline edit extends text the server has; the next tab restores it after answering the
  // server's step 1 but before the server's state arrives, so Yjs cannot place it yet.
  const writer = newClient('a').openDoc('nb-restore-race').session;
  await until(() => writer.getSnapshot().synced, 'writer synced');
  writer.doc.getText('markdown').insert(0, 'base');
  await until(() => server.docText('nb-restore-race') === 'base', 'base stored');

  const records = new Map();
  const { client: first, session: offline } = await offlineTab(records, 'nb-restore-race');
  offline.doc.getText('markdown').insert(4, ' + written offline');
  await until(() => first.getStatus().unsavedKeptOffline, 'kept offline');
  first.destroy();

  let releaseRestore;
  const restoreGate = new Promise((resolve) => (releaseRestore = resolve));
  const outbox = memoryOutbox(records, 'tab-2');
  const restore = outbox.restore.bind(outbox);
  outbox.restore = async (doc) => {
    await restoreGate;
    return restore(doc);
  };
  server.step2DelayMs.set('nb-restore-race', 300);
  const received = server.received.length;
  const second = newClient('a', outbox);
  const again = second.openDoc('nb-restore-race').session;
  await until(() => server.received.slice(received).some((frame) => frame.doc === 'nb-restore-race' && frame.kind !== 'sync-step-1'), 'our answer to the server step 1 sent');
  releaseRestore();
  await until(() => again.getSnapshot().synced && again.getSnapshot().pendingUpdates === 0, 'synced and nothing pending');
  await until(() => server.docText('nb-restore-race') === 'base + written offline', 'the restored edit reached the server');
  server.step2DelayMs.delete('nb-restore-race');
});

test('a handshake answered "unavailable" (the server could not check credentials) is retried until it is let in', async () => {
  server.handshakeRefusals.set('during-outage', ['unavailable', 'unavailable']);
  const client = newClient('during-outage');
  const seen = [];
  client.onStatus((status) => seen.push(`${status.state}:${status.lastError ?? ''}`));
  await until(() => client.getStatus().state === 'online', 'online once the server could check credentials');
  assert.ok(seen.includes('reconnecting:unavailable'), `retried after "unavailable": ${seen.join(', ')}`);
  assert.ok(!seen.some((entry) => entry.startsWith('refused')), `never refused: ${seen.join(', ')}`);
  assert.equal(server.handshakes.filter((handshake) => handshake.token === 'during-outage').length, 3);
});

test('a handshake refused for the origin or the credentials is final until retried by hand, and says why', async () => {
  for (const refusal of ['forbidden_origin', 'unauthorized']) {
    const token = `refused-${refusal}`;
    server.handshakeRefusals.set(token, [refusal]);
    const client = newClient(token);
    await until(() => client.getStatus().state === 'refused', `refused for ${refusal}`);
    assert.equal(client.getStatus().lastError, refusal);
    assert.equal(client.getStatus().nextAttemptAt, null, 'no attempt scheduled');
    client.retryNow();
    await until(() => client.getStatus().state === 'online', 'online after retrying by hand');
    // One refused handshake and the one asked for: nothing in between.
    assert.deepEqual(server.handshakes.filter((handshake) => handshake.token === token).map((handshake) => handshake.refusal), [refusal, null]);
  }
});
