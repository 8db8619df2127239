// One simulated editor's connection, with the same surface for both servers:
//   open() resolves once joined and synced (the server's sync step 2 has arrived),
//   sendUpdate(update) resolves with the acknowledgement (time in ms, ok),
//   onUpdate(update, arrivedAt, isSyncStep2) is called for every document update the server
//   sends (sync step 2 or update, possibly several senders' updates merged into one).
// Ours: socket.io on /collab, websocket transport only, each `y` event one binary message
// (the single-message format the web client uses), frames as y-websocket's, an ack per
// update that arrives after the Postgres commit. Hocuspocus: one websocket, its own framing
// (document name, message type, payload), and a SyncStatus message per applied update, in
// order, which is its acknowledgement (in memory, not durable).
import { performance } from 'node:perf_hooks';
import { Y_EVENT_FRAMES_QUERY, yEventParser } from '@marginalia/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';

const SYNC = 0;
const AWARENESS = 1;
const STEP_1 = 0;
const STEP_2 = 1;
const UPDATE = 2;
// Hocuspocus message types and auth sub-types (@hocuspocus/common).
const HP_AUTH = 2;
const HP_SYNC_REPLY = 4;
const HP_SYNC_STATUS = 8;
const HP_AUTH_TOKEN = 0;
const HP_AUTH_DENIED = 1;
const HP_AUTH_OK = 2;

/** BENCH_PLAIN_CLIENT=1: our editors use socket.io-client's default parser, as a plain client would. */
const PLAIN_CLIENT = Boolean(process.env.BENCH_PLAIN_CLIENT);

export const now = () => performance.timeOrigin + performance.now();

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

function syncFrame(prefix, step, payload) {
  const encoder = encoding.createEncoder();
  prefix?.(encoder);
  encoding.writeVarUint(encoder, SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * Reads the sync part of a frame (after any address). Returns the document update it carries,
 * or 'step1' when the server asks for our state, or null for anything else.
 */
function readSync(decoder) {
  const step = decoding.readVarUint(decoder);
  if (step === STEP_1) return { step };
  return { step, update: decoding.readVarUint8Array(decoder) };
}

class BaseConnection {
  onUpdate = () => undefined;
  synced = false;
  #syncedResolve;
  syncedPromise = new Promise((resolve) => (this.#syncedResolve = resolve));

  receive(step, update, arrivedAt) {
    if (step === STEP_2 && !this.synced) {
      this.synced = true;
      this.#syncedResolve(arrivedAt);
    }
    if (update.length > 2) this.onUpdate(update, arrivedAt, step === STEP_2);
  }
}

/** Marginalia: socket.io, namespace /collab, join, then `y` frames with acks. */
export class OurConnection extends BaseConnection {
  constructor({ url, token, doc }) {
    super();
    this.doc = doc;
    // As the web client does: `y` events as single binary messages (see y-event-parser),
    // unless BENCH_PLAIN_CLIENT asks for socket.io's default parser (header + attachment).
    this.socket = io(`${url}/collab`, { path: '/socket.io', transports: ['websocket'], ...(PLAIN_CLIENT ? {} : { parser: yEventParser, query: Y_EVENT_FRAMES_QUERY }), auth: { token }, forceNew: true, reconnection: false, timeout: 60_000 });
    this.socket.on('y', (doc, frame) => this.#onFrame(doc, frame));
    this.socket.on('collab-error', (event) => {
      this.errors = (this.errors ?? 0) + 1;
      this.lastError = event;
    });
  }

  async open({ timeoutMs = 60_000 } = {}) {
    await withTimeout(
      new Promise((resolve, reject) => {
        this.socket.once('connect', resolve);
        this.socket.once('connect_error', (error) => reject(new Error(`connect_error: ${error.message}`)));
      }),
      timeoutMs,
      'connect',
    );
    const joined = await withTimeout(this.socket.emitWithAck('join', { doc: this.doc }), timeoutMs, 'join');
    if (!joined.ok) throw new Error(`join refused: ${joined.error} ${joined.message ?? ''}`);
    this.socket.emit('y', this.doc, syncFrame(null, STEP_1, EMPTY_STATE_VECTOR));
    return await withTimeout(this.syncedPromise, timeoutMs, 'sync');
  }

  #onFrame(doc, frame) {
    const arrivedAt = now();
    if (doc !== this.doc) return;
    const decoder = decoding.createDecoder(frame instanceof Uint8Array ? frame : new Uint8Array(frame));
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC) return;
    const { step, update } = readSync(decoder);
    // The server's sync step 1: answer with our state (empty: each client writes its own array).
    if (step === STEP_1) this.socket.emit('y', this.doc, syncFrame(null, STEP_2, EMPTY_UPDATE));
    else this.receive(step, update, arrivedAt);
  }

  /** Resolves with { ok, ms, error } when the server acknowledges (after the commit). */
  sendUpdate(update) {
    const sentAt = now();
    return new Promise((resolve) => {
      this.socket.emit('y', this.doc, syncFrame(null, UPDATE, update), (answer) => resolve({ ok: answer?.ok === true, error: answer?.error, ms: now() - sentAt }));
    });
  }

  /** Sends without asking for an acknowledgement. */
  sendUnacked(update) {
    this.socket.emit('y', this.doc, syncFrame(null, UPDATE, update));
  }

  close() {
    this.socket.disconnect();
  }
}

/** Hocuspocus: a websocket; every message starts with the document name. */
export class HocuspocusConnection extends BaseConnection {
  #acks = [];

  constructor({ url, doc }) {
    super();
    this.doc = doc;
    this.url = url.replace(/^http/, 'ws');
    this.address = (encoder) => encoding.writeVarString(encoder, doc);
  }

  async open({ timeoutMs = 60_000 } = {}) {
    this.socket = new WebSocket(this.url, { perMessageDeflate: false });
    this.socket.binaryType = 'nodebuffer';
    const authenticated = new Promise((resolve, reject) => {
      this.authenticated = { resolve, reject };
    });
    this.socket.on('message', (data) => this.#onMessage(data));
    await withTimeout(
      new Promise((resolve, reject) => {
        this.socket.once('open', resolve);
        this.socket.once('error', reject);
      }),
      timeoutMs,
      'connect',
    );
    const auth = encoding.createEncoder();
    this.address(auth);
    encoding.writeVarUint(auth, HP_AUTH);
    encoding.writeVarUint(auth, HP_AUTH_TOKEN);
    encoding.writeVarString(auth, 'bench');
    this.socket.send(encoding.toUint8Array(auth));
    await withTimeout(authenticated, timeoutMs, 'authenticate');
    this.socket.send(syncFrame(this.address, STEP_1, EMPTY_STATE_VECTOR));
    return await withTimeout(this.syncedPromise, timeoutMs, 'sync');
  }

  #onMessage(data) {
    const arrivedAt = now();
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC || type === HP_SYNC_REPLY) {
      const { step, update } = readSync(decoder);
      if (step === STEP_1) {
        // Answered with a SyncStatus like any step 2: keep the ack queue in step.
        this.#acks.push(null);
        this.socket.send(syncFrame(this.address, STEP_2, EMPTY_UPDATE));
      } else this.receive(step, update, arrivedAt);
    } else if (type === HP_SYNC_STATUS) {
      const ok = decoding.readVarUint(decoder) === 1;
      const pending = this.#acks.shift();
      pending?.({ ok, ms: arrivedAt - pending.sentAt });
    } else if (type === HP_AUTH) {
      const kind = decoding.readVarUint(decoder);
      if (kind === HP_AUTH_OK) this.authenticated.resolve();
      else if (kind === HP_AUTH_DENIED) this.authenticated.reject(new Error('permission denied'));
    } else if (type !== AWARENESS) {
      // Ping, stateless, close: nothing the benchmark needs.
    }
  }

  sendUpdate(update) {
    return new Promise((resolve) => {
      resolve.sentAt = now();
      this.#acks.push(resolve);
      this.socket.send(syncFrame(this.address, UPDATE, update));
    });
  }

  sendUnacked(update) {
    this.#acks.push(null);
    this.socket.send(syncFrame(this.address, UPDATE, update));
  }

  close() {
    this.socket?.close();
  }
}
