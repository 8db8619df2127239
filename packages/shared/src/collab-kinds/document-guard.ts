/**
 * The extension point through which a kind of collaborative document checks its own
 * structure. The server keeps one guard per document mirror in its Yjs sandbox; after each
 * untrusted update is applied there, it asks the guard whether the document is still valid.
 * A refused update is never applied to the live document, stored or relayed.
 */
import type * as Y from 'yjs';

/** A span of a corpus document that the update made the document cite; the server checks it. */
export interface CitedSpan {
  documentId: string;
  start: number;
  end: number;
  exact: string;
  annotationId?: string;
}

export type GuardVerdict = { ok: true; citedSpans: CitedSpan[] } | { ok: false; message: string };

export interface DocumentGuard {
  /** Judges what changed since the last call, as written by `author` (a user id). */
  judge(author: string): GuardVerdict;
  /** Forgets what changed (after updates that were already trusted). */
  forget(): void;
}

export type DocumentGuardFactory = (doc: Y.Doc) => DocumentGuard;
