/**
 * `y` frames, encoded exactly as y-websocket's messages: a varUint message type (sync or
 * awareness), then the y-protocols payload. Pure functions, so the framing can be tested
 * without a socket.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { Y_MESSAGE_AWARENESS, Y_MESSAGE_SYNC, Y_SYNC_STEP_1, Y_SYNC_STEP_2, Y_SYNC_UPDATE } from '../protocol/collab.js';

export type DecodedFrame =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array };

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** "Here is my state vector: send me what I miss." */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, Y_MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, doc);
  });
}

/** The answer to a step 1: everything in `doc` that the peer's state vector lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, Y_MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  });
}

/**
 * A step 2 that also carries `unconfirmed` (edits the server never confirmed as stored),
 * whatever the server's state vector claims: a server may count an update it failed to store.
 * Yjs ignores whatever the server already has, so resending is always safe.
 */
export function encodeSyncStep2With(doc: Y.Doc, stateVector: Uint8Array, unconfirmed: Uint8Array | null): Uint8Array {
  const missing = Y.encodeStateAsUpdate(doc, stateVector);
  return frame((encoder) => {
    encoding.writeVarUint(encoder, Y_MESSAGE_SYNC);
    encoding.writeVarUint(encoder, Y_SYNC_STEP_2);
    encoding.writeVarUint8Array(encoder, unconfirmed ? Y.mergeUpdates([missing, unconfirmed]) : missing);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, Y_MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
  });
}

export function encodeAwareness(awareness: Awareness, clients: number[]): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, Y_MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients));
  });
}

/** Throws on a frame this protocol version does not know; the caller reports and drops it. */
export function decodeFrame(bytes: Uint8Array): DecodedFrame {
  const decoder = decoding.createDecoder(bytes);
  const messageType = decoding.readVarUint(decoder);
  if (messageType === Y_MESSAGE_AWARENESS) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
  if (messageType !== Y_MESSAGE_SYNC) throw new Error(`unknown y message type ${String(messageType)}`);
  const syncType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (syncType === Y_SYNC_STEP_1) return { kind: 'sync-step-1', stateVector: payload };
  if (syncType === Y_SYNC_STEP_2) return { kind: 'sync-step-2', update: payload };
  if (syncType === Y_SYNC_UPDATE) return { kind: 'update', update: payload };
  throw new Error(`unknown sync message type ${String(syncType)}`);
}

/** socket.io hands binary over as ArrayBuffer in browsers and as Buffer in Node. */
export function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return null;
}
