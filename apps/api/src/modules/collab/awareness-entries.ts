/**
 * Awareness payloads (y-protocols/awareness encoding: count, then clientID, clock and JSON
 * state per entry), decoded so the server can check them and stamp the sender's identity
 * into each state before anyone else sees it. Nothing in a client's `user` field survives.
 */
import type { PresenceIdentity } from '@marginalia/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { FrameError } from './y-frames.js';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null removes the client's state (it left). */
  state: Record<string, unknown> | null;
}

const MAX_ENTRIES_PER_FRAME = 8;

export function decodeAwareness(payload: Uint8Array, maxStateBytes: number): AwarenessEntry[] {
  const decoder = decoding.createDecoder(payload);
  try {
    const count = decoding.readVarUint(decoder);
    if (count > MAX_ENTRIES_PER_FRAME) throw new FrameError('malformed', `awareness frame has ${count} entries; at most ${MAX_ENTRIES_PER_FRAME}`);
    const entries: AwarenessEntry[] = [];
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > maxStateBytes) throw new FrameError('too_large', `awareness state is larger than ${maxStateBytes} bytes`);
      entries.push({ clientId, clock, state: parseState(json) });
    }
    if (decoding.hasContent(decoder)) throw new FrameError('malformed', 'awareness frame has trailing bytes');
    return entries;
  } catch (error) {
    if (error instanceof FrameError) throw error;
    throw new FrameError('malformed', 'awareness frame is truncated or not y-protocols awareness');
  }
}

function parseState(json: string): Record<string, unknown> | null {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    throw new FrameError('malformed', 'awareness state is not JSON');
  }
  if (state === null) return null;
  if (typeof state !== 'object' || Array.isArray(state)) throw new FrameError('malformed', 'awareness state must be an object or null');
  return state as Record<string, unknown>;
}

/** The state as others will see it: the client's fields, with `user` set by the server. */
export function stampIdentity(state: Record<string, unknown> | null, identity: PresenceIdentity): Record<string, unknown> | null {
  return state === null ? null : { ...state, user: { ...identity } };
}

export function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}
