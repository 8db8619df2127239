/**
 * A document's element count, checked before it is parsed: a parser's time and memory grow
 * with the elements it builds (39 MB of `<w:p/>` is 6.5 million nodes), and counting start
 * tags is one linear scan. Past IMPORT_LIMITS.maxDocumentElements a file is refused as too
 * complex, whatever its size in bytes.
 */
import { IMPORT_LIMITS } from '@marginalia/shared/import-reading';
import { ImportRejection } from './rejection.js';

const LT = 0x3c;

function isLetter(code: number | undefined): boolean {
  return code !== undefined && ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a));
}

/** Start tags ("<" and a letter) in HTML or XML source, counted up to `stopAt`. */
export function countStartTags(source: string | Uint8Array, stopAt: number = IMPORT_LIMITS.maxDocumentElements + 1): number {
  let count = 0;
  if (typeof source === 'string') {
    for (let at = source.indexOf('<'); at >= 0 && count < stopAt; at = source.indexOf('<', at + 1)) if (isLetter(source.charCodeAt(at + 1))) count += 1;
  } else {
    for (let at = source.indexOf(LT); at >= 0 && count < stopAt; at = source.indexOf(LT, at + 1)) if (isLetter(source[at + 1])) count += 1;
  }
  return count;
}

export function tooComplex(what: string, max: number = IMPORT_LIMITS.maxDocumentElements): ImportRejection {
  return new ImportRejection('too_complex', `the file is too complex: it has more than ${max.toLocaleString('en')} ${what} (the limit for one document), so it was not imported; save it again in a simpler form (for example as .txt) or split it`);
}

/** Refuses source with more start tags than one document may have. */
export function assertElementCount(source: string | Uint8Array, what: string): void {
  if (countStartTags(source) > IMPORT_LIMITS.maxDocumentElements) throw tooComplex(what);
}
