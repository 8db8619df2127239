/**
 * The reader's annotation answer for a document, kept per process and reused while the
 * document's annotations_revision (bumped by triggers on every change to its annotations or
 * their tags, whichever process made it) stays the same. Opening a coded document is then a
 * revision lookup instead of serialising thousands of rows, and the gzip of the whole answer
 * is kept too (compressing megabytes per request cost more than building them). Keyed also by
 * what the caller may see (blind coding) and the query's options. Bounded in bytes; least
 * recently used go first.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Enough for a few dozen heavily coded documents. */
const MAX_BYTES = 64 * 1024 * 1024;

export interface CachedAnnotations {
  revision: string;
  /** The `annotations` array as JSON. */
  json: string;
  analystIds: string[];
  /** The last whole answer sent, gzipped, and the analysts JSON it was built with. */
  compressed?: { analystsJson: string; gzip: Buffer };
}

export class ReaderAnnotationCache {
  private readonly entries = new Map<string, CachedAnnotations>();
  private bytes = 0;

  get(key: string, revision: string): CachedAnnotations | null {
    const entry = this.entries.get(key);
    if (!entry || entry.revision !== revision) return null;
    this.entries.delete(key);
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  /** `revision` must have been read before `json` was, so a write in between only makes it miss. */
  set(key: string, entry: CachedAnnotations): CachedAnnotations {
    this.remove(key);
    if (sizeOf(entry) > MAX_BYTES / 4) return entry; // one answer may not take the cache over
    this.entries.set(key, entry);
    this.bytes += sizeOf(entry);
    for (const [oldest] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.remove(oldest);
    }
    return entry;
  }

  /** The whole answer gzipped, reused while the analysts' names are unchanged. */
  async gzipped(entry: CachedAnnotations, analystsJson: string, body: string): Promise<Buffer> {
    if (entry.compressed?.analystsJson === analystsJson) return entry.compressed.gzip;
    const before = sizeOf(entry);
    entry.compressed = { analystsJson, gzip: await gzipAsync(body) };
    if ([...this.entries.values()].includes(entry)) this.bytes += sizeOf(entry) - before;
    return entry.compressed.gzip;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= sizeOf(entry);
    this.entries.delete(key);
  }
}

function sizeOf(entry: CachedAnnotations): number {
  return entry.json.length * 2 + (entry.compressed?.gzip.byteLength ?? 0);
}
