/**
 * Opens an uploaded .qdpx (a ZIP of project.qde and sources/) without trusting it: the ZIP
 * reader of the imports (extract/zip.ts) inflates only what is asked for, counting bytes
 * against the limits; only project.qde and the plain-text files the project references are
 * read, never its media. Each TextSource and Note gets its text from PlainTextContent or from
 * `internal://` paths; sources whose text cannot be found are listed as skipped.
 */
import { IMPORT_LIMITS } from '@marginalia/shared';
import { ImportRejection } from '../../imports/extract/rejection.js';
import { ZipArchive, type ZipEntry, type ZipLimits } from '../../imports/extract/zip.js';
import type { QdeProject } from './qde-model.js';
import { QdeUnreadable, readQde } from './qde-reader.js';

export const QDPX_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: IMPORT_LIMITS.maxFileBytes,
  maxTotalBytes: IMPORT_LIMITS.maxZipUncompressedBytes,
  // Media are listed but never unpacked; the listing itself is bounded.
  maxEntries: 20_000,
};

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** `internal://x.txt` -> `sources/x.txt`; null for paths outside the archive. */
export function archivePath(path: string): string | null {
  const match = /^internal:\/\/(.+)$/i.exec(path.trim());
  if (!match) return null;
  const name = match[1]!.replace(/\\/g, '/');
  if (name.split('/').some((segment) => segment === '..' || segment === '')) return null;
  return `sources/${name}`;
}

export async function readQdpx(bytes: Uint8Array): Promise<QdeProject> {
  const archive = await ZipArchive.open(bytes, QDPX_ZIP_LIMITS);
  try {
    const entries = new Map<string, ZipEntry>(archive.entries.map((entry) => [entry.path.toLowerCase(), entry]));
    const qdeEntry = entries.get('project.qde') ?? archive.entries.find((entry) => entry.path.toLowerCase().endsWith('.qde') && !entry.path.includes('/'));
    if (!qdeEntry) throw new ImportRejection('unreadable', 'the archive has no project.qde: it is not a REFI-QDA project (.qdpx)');
    let project: QdeProject;
    try {
      project = readQde(utf8.decode(await archive.read(qdeEntry)));
    } catch (error) {
      if (error instanceof QdeUnreadable) throw new ImportRejection('unreadable', `project.qde cannot be read: ${error.message}`);
      throw error;
    }
    const readText = async (path: string | null): Promise<string | null> => {
      const inside = path ? archivePath(path) : null;
      const entry = inside ? entries.get(inside.toLowerCase()) : undefined;
      return entry ? utf8.decode(await archive.read(entry)) : null;
    };
    const sources = [];
    for (const source of project.sources) {
      if (source.content === null) source.content = await readText(source.plainTextPath);
      if (source.content === null) {
        const why = source.plainTextPath ? `its text (${source.plainTextPath.slice(0, 200)}) is not in the archive` : 'it has no plain text (only rich text), which the standard requires';
        project.skipped.push({ kind: 'text source', name: source.name, reason: why });
      } else sources.push(source);
    }
    project.sources = sources;
    for (const note of project.notes) note.content ??= (await readText(note.plainTextPath)) ?? '';
    return project;
  } finally {
    archive.close();
  }
}
