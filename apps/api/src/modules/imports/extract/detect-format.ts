/**
 * Which extractor reads a file: decided by its extension, its media type, and its first bytes.
 * The bytes win where they are unambiguous (a PDF named .txt is read as a PDF); a binary file
 * with a text extension is refused rather than turned into mojibake.
 */
import { ImportRejection, rejectUnsupported } from './rejection.js';

export type FileFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'zip';

const BY_EXTENSION: Record<string, FileFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
  zip: 'zip',
};

const BY_MEDIA_TYPE: Record<string, FileFormat> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
};

/** Signatures of common binary formats, to name them in the refusal. */
const BINARY_SIGNATURES: { bytes: number[]; name: string }[] = [
  { bytes: [0x4d, 0x5a], name: 'a Windows executable' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an ELF executable' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Office document (.doc/.xls)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
];

/** Lower-case extension of the last path segment, without the dot; null for none. */
export function fileExtension(name: string): string | null {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : null;
}

export function baseMediaType(mediaType: string | null | undefined): string | null {
  const base = mediaType?.split(';')[0]?.trim().toLowerCase();
  return base ? base : null;
}

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, index) => head[index] === byte);
}

function sniff(head: Uint8Array): 'pdf' | 'zip' | 'html' | { binary: string } | null {
  // A PDF may have a few bytes of junk before its header; readers look in the first 1 KB.
  if (Buffer.from(head.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  const binary = BINARY_SIGNATURES.find((signature) => startsWith(head, signature.bytes));
  if (binary) return { binary: binary.name };
  const start = Buffer.from(head.subarray(0, 512)).toString('latin1').replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  return null;
}

/** Refuses a file by its name alone (a known extension we do not read), before reading it. */
export function assertSupportedName(name: string): void {
  const extension = fileExtension(name);
  if (extension && !(extension in BY_EXTENSION)) throw rejectUnsupported(`unsupported file type (.${extension})`);
}

/**
 * The format to read a file as, or an ImportRejection. `head` is the file's first bytes
 * (a few KB are plenty). Empty files pass: the extractors report them as empty.
 */
export function detectFormat(name: string, mediaType: string | null, head: Uint8Array): FileFormat {
  assertSupportedName(name);
  const extension = fileExtension(name);
  const claimed = extension ? BY_EXTENSION[extension] : BY_MEDIA_TYPE[baseMediaType(mediaType) ?? ''];
  if (head.length === 0) return claimed ?? 'text';
  const sniffed = sniff(head);
  if (sniffed === 'pdf') return 'pdf';
  if (sniffed === 'zip') {
    if (claimed === 'docx' || claimed === 'zip') return claimed;
    if (claimed === undefined) return 'zip';
    throw new ImportRejection('unsupported_type', `this looks like a ZIP archive, not a .${extension ?? claimed} file; rename it to .zip (or .docx) and upload it again`);
  }
  if (claimed === 'pdf') throw new ImportRejection('unreadable', 'this is not a valid PDF (it does not start with a PDF header)');
  if (claimed === 'docx') throw new ImportRejection('unreadable', 'this is not a valid DOCX file (a DOCX is a ZIP archive, and this is not one)');
  if (claimed === 'zip') throw new ImportRejection('unreadable', 'this is not a valid ZIP archive');
  if (sniffed !== null && typeof sniffed === 'object') throw rejectUnsupported(`unsupported file type (this looks like ${sniffed.binary})`);
  if (claimed) return claimed;
  if (sniffed === 'html') return 'html';
  // No extension and no useful media type (e.g. "README", application/octet-stream): try it as text.
  if (baseMediaType(mediaType) === null || baseMediaType(mediaType) === 'application/octet-stream' || baseMediaType(mediaType)?.startsWith('text/')) return 'text';
  throw rejectUnsupported(`unsupported file type (${baseMediaType(mediaType)})`);
}
