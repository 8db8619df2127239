/**
 * Where unsaved edits outlive the page: in browsers, IndexedDB (apps/web's IndexedDbOutbox).
 * Unsaved edits kept in the browser's IndexedDB, so they survive a closed tab or a crash while
 * offline, not only a reconnection. One record per document and client instance (two tabs may
 * each hold unsaved edits of one document): everything the server has not confirmed yet,
 * merged into one Yjs update, rewritten whenever that changes and deleted once it is all saved.
 * The next session of the document restores every record, sends it again like any local edit
 * (Yjs ignores what the server already has) and removes the records it took over.
 */
export interface RestoredEdits {
  update: Uint8Array;
  /** The records it came from, to forget once they are this session's own unsaved edits. */
  keys: string[];
}

export interface OfflineOutbox {
  restore(doc: string): Promise<RestoredEdits | null>;
  /** This client's unsaved edits of `doc`; null once everything is saved. */
  save(doc: string, unsaved: Uint8Array | null): Promise<void>;
  forget(keys: readonly string[]): Promise<void>;
}
