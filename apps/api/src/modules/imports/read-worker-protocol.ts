/**
 * Messages between the import job (main thread) and a read worker (read-worker.ts): one file
 * in, one document or one refusal out. Passages travel as one Int32Array, transferred rather
 * than copied: a long document has hundreds of thousands of sentence spans, and cloning them
 * as objects would cost the main thread what the worker is there to save it.
 */
import type { ImportRejectionReason, PassageSegment, Span } from '@marginalia/shared';
import type { DocumentFormat } from './extract/extract-document.js';

export type ReadFormat = DocumentFormat | 'pasted';

export interface ReadRequest {
  id: number;
  format: ReadFormat;
  /** As the job lists it (a title may be proposed from it). */
  name: string;
  mediaType: string | null;
  content: Uint8Array;
}

/** A file read, normalised, titled and segmented: everything the job needs to admit and store it. */
export interface ReadDocument {
  text: string;
  contentHash: string;
  characterCount: number;
  /** '' when the text is empty or over the size limit: the job refuses it without a title. */
  title: string;
  titleProposed: boolean;
  source: string | null;
  author: string | null;
  publishedOn: string | null;
  url: string | null;
  language: string | null;
  /** encodePassages(...); null when the document will be refused anyway. */
  passages: Int32Array | null;
}

/** The worker's first message: its modules are loaded, a deadline can start. */
export const READY = 'ready';

/**
 * Before the first file of a format, the reader of that format is loaded (some take most of a
 * second): asked for and answered outside any file's deadline, like READY.
 */
export interface LoadFormatRequest {
  load: ReadFormat;
}

export interface LoadFormatReply {
  loaded: ReadFormat;
}

export type ReadReply =
  | { id: number; ok: true; document: ReadDocument }
  /** `cause`: what a library threw, for the server log; the detail is what the person reads. */
  | { id: number; ok: false; reason: ImportRejectionReason; detail: string; cause?: string };

/** [count, then per passage: start, end, sentence count, then start and end of each sentence]. */
export function encodePassages(passages: readonly PassageSegment[]): Int32Array {
  let length = 1;
  for (const passage of passages) length += 3 + passage.sentences.length * 2;
  const encoded = new Int32Array(length);
  let at = 0;
  encoded[at++] = passages.length;
  for (const passage of passages) {
    encoded[at++] = passage.start;
    encoded[at++] = passage.end;
    encoded[at++] = passage.sentences.length;
    for (const sentence of passage.sentences) {
      encoded[at++] = sentence.start;
      encoded[at++] = sentence.end;
    }
  }
  return encoded;
}

export function decodePassages(encoded: Int32Array): PassageSegment[] {
  const passages: PassageSegment[] = [];
  let at = 1;
  for (let index = 0; index < encoded[0]!; index += 1) {
    const start = encoded[at++]!;
    const end = encoded[at++]!;
    const sentences: Span[] = new Array<Span>(encoded[at++]!);
    for (let s = 0; s < sentences.length; s += 1) sentences[s] = { start: encoded[at++]!, end: encoded[at++]! };
    passages.push({ index, start, end, sentences });
  }
  return passages;
}
