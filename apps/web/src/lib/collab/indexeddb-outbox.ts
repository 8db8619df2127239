/**
 * The offline outbox (see OfflineOutbox in @marginalia/shared/collab-client) in IndexedDB: one
 * database per person, deleted at logout; one record per document and client instance.
 */
import type { OfflineOutbox, RestoredEdits } from '@marginalia/shared/collab-client';
import { mergeUpdates } from 'yjs';

const STORE = 'unsaved';
const SEPARATOR = '\u0001';

/** The database that holds one person's unsaved edits (deleted at logout). */
export function offlineOutboxName(userId: string): string {
  return `marginalia-unsaved-${userId}`;
}

export function deleteOfflineOutbox(databaseName: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(databaseName);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/**
 * The documents with edits in the person's outbox, from any tab, open or closed: what a logout
 * would delete. Opens nothing that does not exist yet, where the browser can tell.
 */
export async function documentsInOfflineOutbox(databaseName: string): Promise<string[]> {
  if (typeof indexedDB === 'undefined') return [];
  if (typeof indexedDB.databases === 'function') {
    const existing = await indexedDB.databases().catch(() => null);
    if (existing && !existing.some((database) => database.name === databaseName)) return [];
  }
  const outbox = new IndexedDbOutbox(databaseName);
  try {
    return await outbox.documents();
  } catch {
    return [];
  } finally {
    await outbox.close();
  }
}

export class IndexedDbOutbox implements OfflineOutbox {
  /** Distinguishes this client's records from other tabs'. Not secret, only unique enough. */
  private readonly owner = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  private database: Promise<IDBDatabase> | null = null;

  constructor(private readonly databaseName: string) {}

  async restore(doc: string): Promise<RestoredEdits | null> {
    const store = await this.store('readonly');
    const range = IDBKeyRange.bound(`${doc}${SEPARATOR}`, `${doc}${SEPARATOR}\uffff`);
    const [keys, values] = await Promise.all([settled(store.getAllKeys(range)), settled(store.getAll(range))]);
    const updates = values.filter((value): value is Uint8Array => value instanceof Uint8Array);
    if (updates.length === 0) return null;
    return { update: updates.length === 1 ? updates[0]! : mergeUpdates(updates), keys: keys.map(String) };
  }

  async save(doc: string, unsaved: Uint8Array | null): Promise<void> {
    const store = await this.store('readwrite');
    const key = this.keyFor(doc);
    if (unsaved === null) await settled(store.delete(key));
    else await settled(store.put(unsaved, key));
  }

  async forget(keys: readonly string[]): Promise<void> {
    const others = keys.filter((key) => !key.endsWith(`${SEPARATOR}${this.owner}`));
    if (others.length === 0) return;
    const store = await this.store('readwrite');
    await Promise.all(others.map((key) => settled(store.delete(key))));
  }

  /** The documents that have at least one record. */
  async documents(): Promise<string[]> {
    const store = await this.store('readonly');
    const keys = await settled(store.getAllKeys());
    const documents = keys.filter((key): key is string => typeof key === 'string').map((key) => key.split(SEPARATOR)[0] ?? '');
    return [...new Set(documents)].filter(Boolean);
  }

  async close(): Promise<void> {
    const database = this.database;
    this.database = null;
    (await database?.catch(() => null))?.close();
  }

  private keyFor(doc: string): string {
    return `${doc}${SEPARATOR}${this.owner}`;
  }

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    this.database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(this.databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        // Let a logout delete the database: close when asked.
        request.result.onversionchange = () => request.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
    });
    return (await this.database).transaction(STORE, mode).objectStore(STORE);
  }
}

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}
