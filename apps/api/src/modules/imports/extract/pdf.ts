/**
 * PDF text layer via pdf.js (legacy build: runs on Node 20 without a browser). Pages are read
 * one at a time, yielding to the event loop between them, and reading stops as soon as the
 * text is over the document limit. A PDF without a text layer (a scan) is refused: no OCR.
 */
import { setImmediate as nextTick } from 'node:timers/promises';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IMPORT_LIMITS } from '@marginalia/shared/import-reading';
import { tooComplex } from './element-count.js';
import type { ExtractedDocument } from './extracted-document.js';
import { oneLine } from './metadata-values.js';
import { pageParagraphs, type TextFragment } from './pdf-lines.js';
import { loadPdfJs } from './pdfjs.js';
import { ImportRejection } from './rejection.js';

export async function extractPdf(bytes: Uint8Array, maxCharacters: number = IMPORT_LIMITS.maxDocumentCharacters): Promise<ExtractedDocument> {
  const pdf = await openPdf(bytes);
  try {
    // A page tree may name one page 200,000 times: each costs a full read of that page.
    if (pdf.numPages > IMPORT_LIMITS.maxPdfPages) throw tooComplex('pages', IMPORT_LIMITS.maxPdfPages);
    const paragraphs: string[] = [];
    let length = 0;
    let pieces = 0;
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pieces += content.items.length;
      if (pieces > IMPORT_LIMITS.maxDocumentElements) throw tooComplex('pieces of text');
      const fragments: TextFragment[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        fragments.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height, hasEOL: item.hasEOL });
      }
      page.cleanup();
      for (const paragraph of pageParagraphs(fragments)) {
        paragraphs.push(paragraph);
        length += paragraph.length + 2;
      }
      if (length > maxCharacters * 2) throw new ImportRejection('too_large', `the PDF holds more than ${maxCharacters.toLocaleString('en')} characters of text (the limit for one document)`);
      await nextTick();
    }
    if (paragraphs.length === 0) {
      throw new ImportRejection('empty', 'the PDF has no text layer (it is probably a scanned image); Marginalia cannot read text from images (no OCR): export it with text, or run OCR first');
    }
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    return {
      text: paragraphs.join('\n\n'),
      title: typeof info.Title === 'string' ? oneLine(info.Title) : null,
      author: typeof info.Author === 'string' ? oneLine(info.Author) : null,
    };
  } finally {
    await pdf.destroy();
  }
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfJs();
  try {
    // A copy: pdf.js takes ownership of the buffer it is given.
    return await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new ImportRejection('unreadable', 'the PDF is password-protected; remove the password and upload it again');
    if (name === 'InvalidPDFException') throw new ImportRejection('unreadable', 'the PDF is damaged or not a PDF at all');
    throw error;
  }
}
