/**
 * Decoding and encoding of `y` frames, exactly as y-websocket frames them: a varUint message
 * type (0 sync, 1 awareness) followed by the y-protocols payload. Decoding is strict: any
 * truncation, unknown type or trailing byte is an error the caller reports to the sender.
 */
import { Y_MESSAGE_AWARENESS, Y_MESSAGE_SYNC, Y_SYNC_STEP_1, Y_SYNC_STEP_2, Y_SYNC_UPDATE } from '@marginalia/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type YFrame =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; step: 'sync-step-2' | 'update' }
  | { kind: 'awareness'; payload: Uint8Array };

export class FrameError extends Error {
  constructor(
    readonly code: 'malformed' | 'unknown_message' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

export function decodeFrame(frame: Uint8Array): YFrame {
  const decoder = decoding.createDecoder(frame);
  const parsed = readFrame(decoder);
  if (decoding.hasContent(decoder)) throw new FrameError('malformed', 'frame has trailing bytes');
  return parsed;
}

function readFrame(decoder: decoding.Decoder): YFrame {
  const type = readOrMalformed(() => decoding.readVarUint(decoder));
  if (type === Y_MESSAGE_SYNC) {
    const step = readOrMalformed(() => decoding.readVarUint(decoder));
    const payload = readOrMalformed(() => decoding.readVarUint8Array(decoder));
    if (step === Y_SYNC_STEP_1) return { kind: 'sync-step-1', stateVector: payload };
    if (step === Y_SYNC_STEP_2) return { kind: 'update', update: payload, step: 'sync-step-2' };
    if (step === Y_SYNC_UPDATE) return { kind: 'update', update: payload, step: 'update' };
    throw new FrameError('unknown_message', `unknown sync message type ${step}`);
  }
  if (type === Y_MESSAGE_AWARENESS) return { kind: 'awareness', payload: readOrMalformed(() => decoding.readVarUint8Array(decoder)) };
  throw new FrameError('unknown_message', `unknown message type ${type}`);
}

function readOrMalformed<T>(read: () => T): T {
  try {
    return read();
  } catch {
    throw new FrameError('malformed', 'frame is truncated or not a y-protocols message');
  }
}

export function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  return syncFrame(Y_SYNC_STEP_1, stateVector);
}

export function syncStep2Frame(update: Uint8Array): Uint8Array {
  return syncFrame(Y_SYNC_STEP_2, update);
}

export function updateFrame(update: Uint8Array): Uint8Array {
  return syncFrame(Y_SYNC_UPDATE, update);
}

export function awarenessFrame(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, Y_MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, Y_MESSAGE_SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An update that carries nothing: no structs and an empty delete set (what a read-only client's sync step 2 usually is). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
