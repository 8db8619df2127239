/**
 * DOCX via mammoth's raw text (one paragraph per paragraph), title and author from the core
 * properties. A DOCX is a ZIP: it is unpacked under the same limits as an uploaded ZIP first,
 * so a DOCX bomb is refused before mammoth (which trusts the archive) inflates anything.
 */
import { decodeXML } from 'entities';
import mammoth from 'mammoth';
import { IMPORT_LIMITS } from '@marginalia/shared/import-reading';
import type { ExtractedDocument } from './extracted-document.js';
import { oneLine } from './metadata-values.js';
import { assertElementCount } from './element-count.js';
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
      // mammoth builds a node per element of the body, several hundred bytes each.
      if (entry.path === 'word/document.xml') assertElementCount(content, 'elements (paragraphs, runs, ...)');
    }
    if (!archive.entries.some((entry) => entry.path === 'word/document.xml')) throw new ImportRejection('unreadable', 'this is not a DOCX file (it has no word/document.xml)');
    return core;
  } finally {
    archive.close();
  }
}

/**
 * The text of the first <name> element (with or without attributes), found with indexOf: a
 * regex tried from every one of 100,000 unclosed start tags would rescan the rest of the part
 * from each (quadratic).
 */
export function xmlElement(xml: string, name: string): string | null {
  const close = `</${name}>`;
  for (let at = xml.indexOf(`<${name}`); at >= 0; at = xml.indexOf(`<${name}`, at + 1)) {
    const next = xml.charAt(at + name.length + 1);
    if (next !== '>' && !/\s/.test(next)) continue;
    const contentStart = xml.indexOf('>', at) + 1;
    const end = contentStart > 0 ? xml.indexOf(close, contentStart) : -1;
    // No closing tag after this one: none after any later one either.
    if (end < 0) return null;
    return oneLine(decodeXML(xml.slice(contentStart, end)));
  }
  return null;
}
