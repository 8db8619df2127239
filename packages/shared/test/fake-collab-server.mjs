/**
 * A stand-in for the API's /collab gateway, just faithful enough to the protocol
 * (packages/shared/src/protocol/collab.ts) to exercise the client: join with a read-only flag,
 * step 1 after join, step 2 answers, acked updates relayed to the room, awareness relayed.
 */
import { createServer } from 'node:http';
import { once } from 'node:events';
import { Server } from 'socket.io';
import * as Y from 'yjs';
import { yEventServerParser } from '../dist/index.js';
import { decodeFrame, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../dist/collab-client/index.js';

export async function startFakeCollabServer({ readOnlyTokens = [] } = {}) {
  const http = createServer();
  // The API's parser: reads the client's single-message `y` events, answers in socket.io's format.
  const io = new Server(http, { path: '/socket.io', parser: yEventServerParser });
  const docs = new Map();
  const docOf = (name) => {
    if (!docs.has(name)) docs.set(name, new Y.Doc());
    return docs.get(name);
  };
  /** What acknowledged saves hold: the documents a real server would have in Postgres. */
  const stored = new Map();
  const storedOf = (name) => {
    if (!stored.has(name)) stored.set(name, new Y.Doc());
    return stored.get(name);
  };
  /**
   * Documents whose saves fail the way the old server's did during a database outage: the
   * update is applied (so later state vectors count it) but answered `unavailable`, not stored.
   */
  const failingSaves = new Set();
  const received = [];
  /** Documents every join is refused for (`not_found`), as for someone without access. */
  const deniedDocs = new Set();
  /** Documents whose state (our step 2) reaches a joining client only after this many ms. */
  const step2DelayMs = new Map();
  /** Per token, the `connect_error` answers its next handshakes get, in order; then it is let in. */
  const handshakeRefusals = new Map();
  const handshakes = [];
  io.of('/collab').use((socket, next) => {
    const token = socket.handshake.auth?.token;
    const refusal = handshakeRefusals.get(token)?.shift();
    handshakes.push({ token, refusal: refusal ?? null });
    next(refusal ? new Error(refusal) : undefined);
  });
  io.of('/collab').on('connection', (socket) => {
    const readOnly = readOnlyTokens.includes(socket.handshake.auth?.token);
    socket.on('join', ({ doc }, ack) => {
      if (deniedDocs.has(doc)) return ack({ ok: false, error: 'not_found' });
      void socket.join(`doc:${doc}`);
      ack({ ok: true, readOnly });
      socket.emit('y', doc, encodeSyncStep1(docOf(doc)));
    });
    socket.on('y', (doc, frame, ack) => {
      const message = decodeFrame(new Uint8Array(frame));
      received.push({ doc, kind: message.kind, readOnly });
      if (message.kind === 'sync-step-1') {
        const answer = () => socket.emit('y', doc, encodeSyncStep2(docOf(doc), message.stateVector));
        const delay = step2DelayMs.get(doc);
        return delay === undefined ? answer() : void setTimeout(answer, delay);
      }
      if (message.kind === 'awareness') return socket.to(`doc:${doc}`).emit('y', doc, frame);
      if (readOnly) return ack?.({ ok: false, error: 'read_only' });
      Y.applyUpdate(docOf(doc), message.update);
      if (failingSaves.has(doc)) return ack?.({ ok: false, error: 'unavailable' });
      Y.applyUpdate(storedOf(doc), message.update);
      socket.to(`doc:${doc}`).emit('y', doc, encodeUpdate(message.update));
      ack?.({ ok: true });
    });
    socket.on('subscribe', ({ workspaceId }, ack) => {
      void socket.join(`ws:${workspaceId}`);
      ack({ ok: true });
    });
    // As the gateway does: relayed to the workspace's other subscribers, stamped with who types.
    socket.on('typing', ({ workspaceId, threadId }) => {
      socket.to(`ws:${workspaceId}`).emit('typing', { workspaceId, threadId, user: { id: socket.id, name: 'Mei', color: '#aa3355' } });
    });
    socket.on('where', ({ workspaceId, location }) => {
      io.of('/collab').to(`ws:${workspaceId}`).emit('presence', { workspaceId, users: [{ user: { id: 'u1', name: 'Mei', color: '#aa3355' }, docs: [], location }] });
    });
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address();
  return {
    url: `http://127.0.0.1:${port}`,
    docText: (name, field = 'markdown') => docOf(name).getText(field).toString(),
    storedText: (name, field = 'markdown') => storedOf(name).getText(field).toString(),
    failingSaves,
    received,
    deniedDocs,
    step2DelayMs,
    handshakeRefusals,
    handshakes,
    /** Drops every connection, as a restarting server or a network cut would. */
    dropAll: () => io.of('/collab').disconnectSockets(true),
    emitWorkspaceEvent: (event) => io.of('/collab').to(`ws:${event.workspaceId}`).emit('workspace-event', event),
    close: async () => {
      io.close();
    },
  };
}
