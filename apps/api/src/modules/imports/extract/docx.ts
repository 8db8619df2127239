/**
 * DOCX via mammoth's raw text (one paragraph per paragraph), title and author from the core
 * properties. A DOCX is a ZIP: it is unpacked under the same limits as an uploaded ZIP first,
 * so a DOCX bomb is refused before mammoth (which trusts the archive) inflates anything.
 */
import { decodeXML } from 'entities';
import mammoth from 'mammoth';
import { IMPORT_LIMITS } from '@marginalia/shared';
import type { ExtractedDocument } from './extracted-document.js';
import { oneLine } from './metadata-values.js';
import { ImportRejection } from './rejection.js';
import { ZipArchive } from './zip.js';

const DOCX_LIMITS = { maxEntryBytes: IMPORT_LIMITS.maxFileBytes * 2, maxTotalBytes: IMPORT_LIMITS.maxZipUncompressedBytes, maxEntries: 10_000, includeHidden: true };

export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  const coreProperties = await readWithinLimits(bytes);
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (error) {
    throw new ImportRejection('unreadable', `this is not a readable DOCX file (${error instanceof Error ? error.message.slice(0, 160) : 'unknown error'})`);
  }
  return { text, title: xmlElement(coreProperties, 'dc:title'), author: xmlElement(coreProperties, 'dc:creator') };
}

/** Inflates every part once, counting; returns docProps/core.xml (or ''). */
async function readWithinLimits(bytes: Uint8Array): Promise<string> {
  const archive = await ZipArchive.open(bytes, DOCX_LIMITS);
  try {
    if (archive.omitted > 0) throw new ImportRejection('too_large', 'the DOCX has more parts than the import limits allow');
    let core = '';
    for (const entry of archive.entries) {
      const content = await archive.read(entry).catch((error: unknown) => {
        if (error instanceof ImportRejection && error.reason !== 'unreadable') throw new ImportRejection('too_large', 'the DOCX unpacks to more than the import limits allow');
        throw error;
      });
      if (entry.path === 'docProps/core.xml') core = content.toString('utf8');
    }
    if (!archive.entries.some((entry) => entry.path === 'word/document.xml')) throw new ImportRejection('unreadable', 'this is not a DOCX file (it has no word/document.xml)');
    return core;
  } finally {
    archive.close();
  }
}

function xmlElement(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return match ? oneLine(decodeXML(match[1]!)) : null;
}
