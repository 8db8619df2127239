/**
 * Worker thread that reads uploads (read-upload.ts) where a deadline and a heap cap can stop
 * it: a file built to make a parser loop, recurse or allocate without bound costs this thread,
 * which the main thread replaces, and never the API's event loop. One file per message.
 */
import { parentPort } from 'node:worker_threads';
import { ImportRejection } from './extract/rejection.js';
import { readUpload, UnreadableUpload } from './read-upload.js';
import type { ReadReply, ReadRequest } from './read-worker-protocol.js';

async function reply(request: ReadRequest): Promise<ReadReply> {
  try {
    return { id: request.id, ok: true, document: await readUpload(request) };
  } catch (error) {
    if (error instanceof UnreadableUpload) return { id: request.id, ok: false, reason: error.reason, detail: error.detail, cause: error.failure };
    if (error instanceof ImportRejection) return { id: request.id, ok: false, reason: error.reason, detail: error.detail };
    // A stack overflow or any other bug: the file is refused, the worker stays usable.
    const cause = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, reason: 'unreadable', detail: 'the file could not be read; it may be damaged', cause };
  }
}

parentPort?.on('message', (request: ReadRequest) => {
  void reply(request).then((answer) => parentPort?.postMessage(answer, answer.ok && answer.document.passages ? [answer.document.passages.buffer as ArrayBuffer] : []));
});
