/**
 * Worker thread that runs untrusted Yjs work where a deadline can kill it. Some malformed
 * updates make Y.applyUpdate loop forever or allocate without bound (yjs #498, #687); a
 * try/catch cannot stop either, but terminating this thread can. It keeps a mirror of each
 * live document so an update is applied here first, against the same state it will meet
 * on the main thread.
 */
import * as decoding from 'lib0/decoding';
import { DOCUMENT_GUARDS, type CollabDocumentKind, type DocumentGuard } from '@marginalia/shared';
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { decodeUpdateBatch, type ApplyOutcome, type SandboxReply, type SandboxRequest, type UntrustedUpdate } from './yjs-worker-protocol.js';

interface Mirror {
  doc: Y.Doc;
  /** The kind's structure check, watching this mirror; null for kinds without one. */
  guard: DocumentGuard | null;
}

const mirrors = new Map<string, Mirror>();

function newMirror(kind: string): Mirror {
  const doc = new Y.Doc();
  const guard = DOCUMENT_GUARDS[kind as CollabDocumentKind]?.(doc) ?? null;
  return { doc, guard };
}

function mirrorOf(name: string, kind: string): Mirror {
  let mirror = mirrors.get(name);
  if (!mirror) {
    mirror = newMirror(kind);
    mirrors.set(name, mirror);
  }
  return mirror;
}

function dropMirror(name: string): void {
  mirrors.get(name)?.doc.destroy();
  mirrors.delete(name);
}

/**
 * Y.applyUpdate stops reading after the delete set and ignores whatever follows; no Yjs
 * encoder writes anything there. Without this, bytes such as yjs's regression inputs for
 * #498 that decode as an empty update plus garbage would be accepted, stored and relayed.
 */
function applyExactly(doc: Y.Doc, update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  Y.readUpdate(decoder, doc, null);
  if (decoding.hasContent(decoder)) throw new Error('update has trailing bytes');
}

/**
 * Applies each update to its document's mirror, in order, isolating failures per document;
 * then the kind's guard judges an untrusted one. A refused update stays in the mirror, so the
 * mirror is dropped like after a failure (reloaded from the live document on next use).
 */
function applyAll(items: UntrustedUpdate[]): ApplyOutcome[] {
  const broken = new Set<string>();
  return items.map(({ doc, kind, author, update }): ApplyOutcome => {
    if (broken.has(doc)) return { ok: false, retry: true };
    try {
      const mirror = mirrorOf(doc, kind);
      applyExactly(mirror.doc, update);
      if (!mirror.guard) return { ok: true };
      if (!author) {
        mirror.guard.forget();
        return { ok: true };
      }
      const verdict = mirror.guard.judge(author);
      if (!verdict.ok) throw new Error(verdict.message);
      return verdict.citedSpans.length > 0 ? { ok: true, citedSpans: verdict.citedSpans } : { ok: true };
    } catch (error) {
      // A half-applied or refused update has left the mirror unlike the live document.
      dropMirror(doc);
      broken.add(doc);
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
}

function handle(request: SandboxRequest): SandboxReply {
  switch (request.op) {
    case 'load': {
      dropMirror(request.doc);
      const mirror = newMirror(request.kind);
      Y.applyUpdate(mirror.doc, request.state);
      mirror.guard?.forget();
      mirrors.set(request.doc, mirror);
      return { id: request.id, ok: true };
    }
    case 'apply':
      return { id: request.id, ok: true, outcomes: applyAll(decodeUpdateBatch(request.batch)) };
    case 'drop':
      dropMirror(request.doc);
      return { id: request.id, ok: true };
    case 'merge': {
      // Applying to a fresh document (rather than Y.mergeUpdates) also garbage-collects
      // deleted content, so the snapshot is as small as the state allows.
      const doc = new Y.Doc();
      doc.transact(() => {
        for (const update of request.updates) Y.applyUpdate(doc, update);
      });
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return { id: request.id, ok: true, state };
    }
    case 'diff': {
      // A sync step 2 for a large document, encoded here so the main thread keeps serving.
      const mirror = mirrors.get(request.doc);
      if (!mirror) throw new Error(`no mirror of ${request.doc}`);
      return { id: request.id, ok: true, state: Y.encodeStateAsUpdate(mirror.doc, request.stateVector) };
    }
  }
}

parentPort?.on('message', (request: SandboxRequest) => {
  let reply: SandboxReply;
  try {
    reply = handle(request);
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
