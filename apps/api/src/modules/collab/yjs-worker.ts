/**
 * Worker thread that runs untrusted Yjs work where a deadline can kill it. Some malformed
 * updates make Y.applyUpdate loop forever or allocate without bound (yjs #498, #687); a
 * try/catch cannot stop either, but terminating this thread can. It keeps a mirror of each
 * live document so an update is applied here first, against the same state it will meet
 * on the main thread.
 */
import * as decoding from 'lib0/decoding';
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { decodeUpdateBatch, type ApplyOutcome, type SandboxReply, type SandboxRequest, type UntrustedUpdate } from './yjs-worker-protocol.js';

const mirrors = new Map<string, Y.Doc>();

function mirrorOf(name: string): Y.Doc {
  let doc = mirrors.get(name);
  if (!doc) {
    doc = new Y.Doc();
    mirrors.set(name, doc);
  }
  return doc;
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

/** Applies each update to its document's mirror, in order, isolating failures per document. */
function applyAll(items: UntrustedUpdate[]): ApplyOutcome[] {
  const broken = new Set<string>();
  return items.map(({ doc, update }): ApplyOutcome => {
    if (broken.has(doc)) return { ok: false, retry: true };
    try {
      applyExactly(mirrorOf(doc), update);
      return { ok: true };
    } catch (error) {
      // A half-applied update may have left the mirror unlike the live document.
      mirrors.get(doc)?.destroy();
      mirrors.delete(doc);
      broken.add(doc);
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
}

function handle(request: SandboxRequest): SandboxReply {
  switch (request.op) {
    case 'load': {
      mirrors.get(request.doc)?.destroy();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, request.state);
      mirrors.set(request.doc, doc);
      return { id: request.id, ok: true };
    }
    case 'apply':
      return { id: request.id, ok: true, outcomes: applyAll(decodeUpdateBatch(request.batch)) };
    case 'drop':
      mirrors.get(request.doc)?.destroy();
      mirrors.delete(request.doc);
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
      const doc = mirrors.get(request.doc);
      if (!doc) throw new Error(`no mirror of ${request.doc}`);
      return { id: request.id, ok: true, state: Y.encodeStateAsUpdate(doc, request.stateVector) };
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
