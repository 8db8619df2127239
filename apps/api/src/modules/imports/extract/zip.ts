/**
 * Reading ZIP archives without trusting them. Declared sizes are only used to refuse early;
 * every entry is inflated as a stream and counted, and reading stops (the stream destroyed,
 * nothing more allocated) as soon as an entry passes the per-file limit or the archive passes
 * its total: a ZIP bomb costs at most the limits, whatever its headers claim.
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { IMPORT_LIMITS } from '@marginalia/shared/import-reading';
import { ImportRejection } from './rejection.js';

export interface ZipLimits {
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries read, together. */
  maxTotalBytes: number;
  /** Entries listed; further ones are only counted. */
  maxEntries: number;
  /** List dotfiles and __MACOSX too (a DOCX's parts include _rels/.rels). */
  includeHidden?: boolean;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: IMPORT_LIMITS.maxFileBytes,
  maxTotalBytes: IMPORT_LIMITS.maxZipUncompressedBytes,
  maxEntries: IMPORT_LIMITS.maxFilesPerBatch,
};

export interface ZipEntry {
  /** Path inside the archive, "/"-separated. */
  path: string;
  /** What the archive claims; never trusted for allocation. */
  declaredSize: number;
  encrypted: boolean;
  entry: Entry;
}

const MB = 1024 * 1024;

/** Directories, macOS resource forks and dotfiles: never documents, never listed. */
export function isIgnoredEntry(path: string): boolean {
  return path.endsWith('/') || path.split('/').some((segment) => segment === '__MACOSX' || segment.startsWith('.'));
}

export class ZipArchive {
  private inflatedBytes = 0;

  private constructor(
    private readonly zipfile: ZipFile,
    /** Files in the archive, in order, up to `limits.maxEntries`. */
    readonly entries: ZipEntry[],
    /** Files beyond `limits.maxEntries`, counted but not listed. */
    readonly omitted: number,
    private readonly limits: ZipLimits,
  ) {}

  static async open(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
    let zipfile: ZipFile;
    try {
      zipfile = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: true,
        strictFileNames: false,
        // Sizes are checked here, against our limits, as the bytes arrive.
        validateEntrySizes: false,
      });
    } catch (error) {
      throw new ImportRejection('unreadable', `the archive is damaged or not a ZIP file (${describe(error)})`);
    }
    const entries: ZipEntry[] = [];
    let omitted = 0;
    try {
      for await (const entry of zipfile.eachEntry()) {
        if (entry.fileName.endsWith('/') || (!limits.includeHidden && isIgnoredEntry(entry.fileName))) continue;
        if (entries.length >= limits.maxEntries) omitted += 1;
        else entries.push({ path: entry.fileName, declaredSize: entry.uncompressedSize, encrypted: entry.isEncrypted(), entry });
      }
    } catch (error) {
      zipfile.close();
      throw new ImportRejection('unreadable', `the archive is damaged (${describe(error)})`);
    }
    return new ZipArchive(zipfile, entries, omitted, limits);
  }

  /** An entry's bytes, or an ImportRejection (too large, archive budget spent, encrypted, damaged). */
  async read(zipEntry: ZipEntry): Promise<Buffer> {
    const { maxEntryBytes, maxTotalBytes } = this.limits;
    if (zipEntry.encrypted) throw new ImportRejection('unreadable', 'the file is encrypted in the archive; Marginalia cannot open password-protected ZIPs');
    if (zipEntry.declaredSize > maxEntryBytes) throw tooLarge(maxEntryBytes);
    if (this.inflatedBytes >= maxTotalBytes) throw archiveBudgetSpent(maxTotalBytes);
    let stream: Readable;
    try {
      stream = await this.zipfile.openReadStreamPromise(zipEntry.entry);
    } catch (error) {
      throw new ImportRejection('unreadable', `the file cannot be unpacked (${describe(error)})`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        this.inflatedBytes += chunk.length;
        if (size > maxEntryBytes) throw tooLarge(maxEntryBytes);
        if (this.inflatedBytes > maxTotalBytes) throw archiveBudgetSpent(maxTotalBytes);
        chunks.push(chunk);
      }
    } catch (error) {
      stream.destroy();
      if (error instanceof ImportRejection) throw error;
      throw new ImportRejection('unreadable', `the file cannot be unpacked (${describe(error)})`);
    }
    return Buffer.concat(chunks, size);
  }

  close(): void {
    this.zipfile.close();
  }
}

function tooLarge(maxEntryBytes: number): ImportRejection {
  return new ImportRejection('too_large', `the file unpacks to more than ${Math.round(maxEntryBytes / MB)} MB (the limit for one file)`);
}

function archiveBudgetSpent(maxTotalBytes: number): ImportRejection {
  return new ImportRejection('limit_exceeded', `the archive unpacks to more than ${Math.round(maxTotalBytes / MB)} MB in all (the limit for one ZIP), so this file was not imported`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 200) : 'unknown error';
}
