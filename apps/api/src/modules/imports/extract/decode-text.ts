/**
 * Bytes to a JavaScript string, whatever the encoding. In order: a byte order mark; UTF-16
 * without one (NUL bytes in every other position); valid UTF-8; UTF-8 with a little damage;
 * the charset the file declares; chardet's statistical guess (Windows-1252, GB18030, Big5,
 * Shift_JIS, EUC-KR, ...). Anything that still looks like binary data is refused, never
 * imported as mojibake.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportRejection } from './rejection.js';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as. */
  encoding: string;
}

/** chardet reads this much; enough for a confident guess, cheap for a 20 MB file. */
const DETECTION_SAMPLE_BYTES = 256 * 1024;

const BOMS: { bytes: number[]; encoding: string }[] = [
  // UTF-32 first: its little-endian mark starts with UTF-16's.
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(bytes: Uint8Array, declaredCharset: string | null = null): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoded = decodeBytes(buffer, declaredCharset);
  const problem = binaryProblem(decoded.text);
  if (problem) throw new ImportRejection('unreadable', `this does not look like text (${problem}); if it is a document, save it as .txt, .docx or .pdf`);
  return decoded;
}

function decodeBytes(buffer: Buffer, declaredCharset: string | null): DecodedText {
  const bom = BOMS.find((mark) => mark.bytes.every((byte, index) => buffer[index] === byte));
  if (bom) return { text: iconv.decode(buffer.subarray(bom.bytes.length), bom.encoding), encoding: bom.encoding.toUpperCase() };
  const utf16 = utf16WithoutBom(buffer);
  if (utf16) return { text: iconv.decode(buffer, utf16), encoding: utf16.toUpperCase() };
  try {
    return { text: strictUtf8.decode(buffer), encoding: 'UTF-8' };
  } catch {
    // not valid UTF-8: find out what it is
  }
  if (mostlyUtf8(buffer)) return { text: buffer.toString('utf8'), encoding: 'UTF-8' };
  const declared = declaredCharset?.trim().toLowerCase();
  if (declared && !/^utf-?8$/.test(declared) && iconv.encodingExists(declared)) return { text: iconv.decode(buffer, declared), encoding: declared.toUpperCase() };
  const guess = chardet
    .analyse(buffer.subarray(0, DETECTION_SAMPLE_BYTES))
    .find((candidate) => candidate.confidence >= 10 && !/^(utf-8|ascii)$/i.test(candidate.name) && iconv.encodingExists(candidate.name));
  if (!guess) {
    throw new ImportRejection('unreadable', `this is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(buffer)}) and its character encoding could not be recognised; save it as UTF-8 and upload it again`);
  }
  // ISO-8859-1 is what a detector says for Western text; Windows-1252 is what such files really are.
  const encoding = /^iso-8859-1$/i.test(guess.name) ? 'windows-1252' : guess.name;
  return { text: iconv.decode(buffer, encoding), encoding: encoding.toUpperCase() };
}

/** UTF-16 without a byte order mark: ASCII-range text has a NUL in every other byte. */
function utf16WithoutBom(buffer: Buffer): 'utf-16le' | 'utf-16be' | null {
  const sample = buffer.subarray(0, 4096 - (Math.min(buffer.length, 4096) % 2));
  if (sample.length < 8) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls += 1;
    if (sample[i + 1] === 0) oddNuls += 1;
  }
  const pairs = sample.length / 2;
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return 'utf-16be';
  return null;
}

interface Utf8Scan {
  multiByte: number;
  invalid: number;
  firstInvalid: number;
}

function scanUtf8(buffer: Buffer, limit = buffer.length): Utf8Scan {
  const scan: Utf8Scan = { multiByte: 0, invalid: 0, firstInvalid: -1 };
  let i = 0;
  while (i < limit) {
    const byte = buffer[i]!;
    if (byte < 0x80) {
      i += 1;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= buffer.length;
    for (let k = 1; valid && k < length; k += 1) valid = (buffer[i + k]! & 0xc0) === 0x80;
    if (valid) {
      scan.multiByte += 1;
      i += length;
    } else {
      if (scan.firstInvalid < 0) scan.firstInvalid = i;
      scan.invalid += 1;
      i += 1;
    }
  }
  return scan;
}

/**
 * UTF-8 with a few damaged bytes (a truncated copy, one stray Windows-1252 character) is
 * still UTF-8: reading it as a legacy encoding would garble every other non-ASCII character.
 * Legacy multi-byte encodings (GBK, Big5) only rarely form valid UTF-8 sequences by chance.
 */
function mostlyUtf8(buffer: Buffer): boolean {
  const scan = scanUtf8(buffer, Math.min(buffer.length, DETECTION_SAMPLE_BYTES * 4));
  return scan.multiByte >= 8 && scan.invalid * 10 <= scan.multiByte;
}

function firstInvalidUtf8Offset(buffer: Buffer): number {
  return scanUtf8(buffer).firstInvalid;
}

/**
 * A reason the text is binary data, or null. Looks at control characters (other than tab,
 * line feed, carriage return, form feed) and replacement characters in the first 64K.
 */
function binaryProblem(text: string): string | null {
  const sample = text.slice(0, 65_536);
  if (sample.length === 0) return null;
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F]/g)?.length ?? 0;
  if (controls > Math.max(2, sample.length * 0.01)) return 'it contains binary control characters';
  const replacements = sample.match(/\uFFFD/g)?.length ?? 0;
  if (replacements > Math.max(8, sample.length * 0.02)) return 'too many bytes are not characters in any encoding';
  return null;
}
