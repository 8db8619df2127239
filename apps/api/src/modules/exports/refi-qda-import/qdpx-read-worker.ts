/**
 * Worker thread that reads one uploaded .qdpx or .qdc (qdpx-reader.ts, qde-reader.ts) where a
 * deadline and a heap cap can stop it (refi-qda-sandbox.ts): the XML and ZIP parsing of an
 * untrusted file never runs on the API's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { ImportRejection } from '../../imports/extract/rejection.js';
import { readQdpx } from './qdpx-reader.js';
import { QdeUnreadable, readQde } from './qde-reader.js';
import type { RefiReadReply, RefiReadRequest } from './refi-qda-sandbox.js';

async function reply(request: RefiReadRequest): Promise<RefiReadReply> {
  try {
    const project = request.kind === 'qdpx' ? await readQdpx(request.content) : readQde(new TextDecoder().decode(request.content));
    return { ok: true, project };
  } catch (error) {
    if (error instanceof ImportRejection) return { ok: false, detail: error.detail };
    if (error instanceof QdeUnreadable) return { ok: false, detail: `the file cannot be read: ${error.message}` };
    return { ok: false, detail: 'the file could not be read; it may be damaged or not a REFI-QDA file' };
  }
}

parentPort?.once('message', (request: RefiReadRequest) => {
  void reply(request).then((answer) => parentPort?.postMessage(answer));
});
