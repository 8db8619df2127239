/**
 * Worker thread that reads uploads (read-upload.ts) where a deadline and a heap cap can stop
 * it: a file built to make a parser loop, recurse or allocate without bound costs this thread,
 * which the main thread replaces, and never the API's event loop. One file per message.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { loadExtractor } from './extract/extract-document.js';
import { ImportRejection } from './extract/rejection.js';
import { readUpload, UnreadableUpload } from './read-upload.js';
import { READY, type LoadFormatReply, type LoadFormatRequest, type ReadFormat, type ReadReply, type ReadRequest } from './read-worker-protocol.js';

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

parentPort?.on('message', (request: ReadRequest | LoadFormatRequest) => {
  if ('load' in request) {
    // A reader that cannot load is a bug, not the file's fault: the worker stops (the main thread says so).
    void loadFormat(request.load).then(() => parentPort?.postMessage({ loaded: request.load } satisfies LoadFormatReply));
    return;
  }
  lowerPriorityOnce();
  void reply(request).then((answer) => parentPort?.postMessage(answer, answer.ok && answer.document.passages ? [answer.document.passages.buffer as ArrayBuffer] : []));
});

/** Pasted text needs nothing beyond what every read loads. */
async function loadFormat(format: ReadFormat): Promise<void> {
  if (format !== 'pasted') await loadExtractor(format);
}

/**
 * Reading is background work: on a busy machine the API's main thread must get the CPU first
 * (at nice 10 it gets about ten times this thread's share; at 19, reading would starve on a
 * loaded machine). On Linux a thread has its own id and niceness, so this lowers this thread only.
 */
const READ_NICENESS = 10;

function runAtLowPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, READ_NICENESS);
  } catch {
    // Not Linux, or not allowed: read at the usual priority.
  }
}

let lowered = false;

/** At the first file: what it needs was loaded at normal priority, as was everything before. */
function lowerPriorityOnce(): void {
  if (lowered) return;
  lowered = true;
  runAtLowPriority();
}

// What every read needs is loaded before the first file, and each format's reader before the
// first file of that format (LoadFormatRequest), so that loading (seconds on a busy machine)
// never counts against a file's deadline.
parentPort?.postMessage(READY);
