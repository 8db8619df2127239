/**
 * Helpers for serializers that stream: their output leaves as chunks of about CHUNK_SIZE
 * characters built from small pieces, so memory holds one chunk, not the whole file.
 */

export const CHUNK_SIZE = 64 * 1024;

/** Gathers pieces into chunks of about `size` characters, cut only between pieces. */
export function* inChunks(pieces: Iterable<string>, size = CHUNK_SIZE): Generator<string> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** `JSON.stringify(value, null, 2)` as it reads nested at `pad` inside a larger document so printed. */
export function nestedJson(value: unknown, pad: string): string {
  // JSON escapes newlines inside strings: every raw newline is indentation.
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}

/**
 * A JSON array printed as JSON.stringify(array, null, 2) prints it at `pad`, one item at a
 * time: `[`, the items, `]` (or `[]` when there are none).
 */
export function* jsonArray<T>(items: Iterable<T>, pad: string): Generator<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? '[' : ','}\n${pad}  ${nestedJson(item, `${pad}  `)}`;
    first = false;
  }
  yield first ? '[]' : `\n${pad}]`;
}
