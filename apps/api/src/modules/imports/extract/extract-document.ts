/** One file's bytes, in a known format, to text and metadata (ZIPs are opened by the job, not here). */
import type { ExtractedDocument } from './extracted-document.js';
import type { FileFormat } from './detect-format.js';

export type DocumentFormat = Exclude<FileFormat, 'zip'>;

type Extractor = (bytes: Uint8Array, charset: string | null) => ExtractedDocument | Promise<ExtractedDocument>;

/**
 * Each format's reader is loaded the first time a file of that format comes: the parsers of
 * HTML (linkedom, Readability), DOCX (mammoth) and PDF (pdf.js) cost a read worker most of a
 * second of CPU to load, and every worker used to load them all before its first file, however
 * plain the files. Read workers load a format before its file's deadline starts (read-worker.ts).
 */
const LOADERS: Record<DocumentFormat, () => Promise<Extractor>> = {
  text: async () => (await import('./plain-text.js')).extractPlainText,
  markdown: async () => (await import('./markdown.js')).extractMarkdown,
  html: async () => (await import('./html.js')).extractHtml,
  pdf: async () => {
    const { extractPdf } = await import('./pdf.js');
    const { loadPdfJs } = await import('./pdfjs.js');
    await loadPdfJs();
    return (bytes) => extractPdf(bytes);
  },
  docx: async () => {
    const { extractDocx } = await import('./docx.js');
    return (bytes) => extractDocx(bytes);
  },
};

const loaded = new Map<DocumentFormat, Promise<Extractor>>();

/** Loads the reader of `format` (once); extractDocument then needs no loading for it. */
export function loadExtractor(format: DocumentFormat): Promise<Extractor> {
  let extractor = loaded.get(format);
  if (!extractor) {
    extractor = LOADERS[format]();
    loaded.set(format, extractor);
  }
  return extractor;
}

/** The charset parameter of a media type ("text/plain; charset=windows-1252"), if any. */
export function charsetOf(mediaType: string | null): string | null {
  return /;\s*charset\s*=\s*"?([\w:.-]+)"?/i.exec(mediaType ?? '')?.[1] ?? null;
}

export async function extractDocument(format: DocumentFormat, bytes: Uint8Array, mediaType: string | null): Promise<ExtractedDocument> {
  const extract = await loadExtractor(format);
  return await extract(bytes, charsetOf(mediaType));
}
