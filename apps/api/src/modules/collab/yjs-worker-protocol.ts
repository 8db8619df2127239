/** Messages between the main thread and a Yjs sandbox worker (see yjs-sandbox.ts). */
import type { CitedSpan } from '@marginalia/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface UntrustedUpdate {
  doc: string;
  /** The document's kind: its guard (if any) judges the result. */
  kind: string;
  /** The user who sent it; empty for an update already in the live document (not judged). */
  author: string;
  update: Uint8Array;
}

/**
 * The updates of an `apply`, packed into one buffer that is transferred to the worker, not
 * copied: structured cloning an array of small objects and byte arrays cost more than
 * applying them (each element is serialized on its own).
 */
export function encodeUpdateBatch(items: readonly UntrustedUpdate[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, items.length);
  for (const { doc, kind, author, update } of items) {
    encoding.writeVarString(encoder, doc);
    encoding.writeVarString(encoder, kind);
    encoding.writeVarString(encoder, author);
    encoding.writeVarUint8Array(encoder, update);
  }
  return encoding.toUint8Array(encoder);
}

export function decodeUpdateBatch(batch: Uint8Array): UntrustedUpdate[] {
  const decoder = decoding.createDecoder(batch);
  const count = decoding.readVarUint(decoder);
  const items: UntrustedUpdate[] = [];
  for (let index = 0; index < count; index++) items.push({ doc: decoding.readVarString(decoder), kind: decoding.readVarString(decoder), author: decoding.readVarString(decoder), update: decoding.readVarUint8Array(decoder) });
  return items;
}

export type SandboxRequest =
  | { id: number; op: 'load'; doc: string; kind: string; state: Uint8Array }
  | { id: number; op: 'apply'; batch: Uint8Array }
  | { id: number; op: 'drop'; doc: string }
  | { id: number; op: 'merge'; updates: Uint8Array[] }
  | { id: number; op: 'diff'; doc: string; stateVector: Uint8Array };

/**
 * Per item of an `apply`: applied (with the corpus spans the kind's guard found cited, for the
 * main thread to check against the database), refused with a reason, or not tried because an earlier
 * item of the same document failed and left its mirror unusable (the caller retries it).
 */
export type ApplyOutcome = { ok: true; citedSpans?: CitedSpan[] } | { ok: false; message: string } | { ok: false; retry: true };

export type SandboxReply =
  | { id: number; ok: true; state?: Uint8Array; outcomes?: ApplyOutcome[] }
  | { id: number; ok: false; message: string };
