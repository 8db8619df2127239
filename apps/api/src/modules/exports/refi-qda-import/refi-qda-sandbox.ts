/**
 * Reads an uploaded REFI-QDA file in a worker of its own (qdpx-read-worker.ts) under the
 * import readers' deadline and heap cap (IMPORT_READ_DEADLINE_MS, IMPORT_READ_MAX_HEAP_MB): a
 * file built to make the parser loop or allocate without bound costs that thread, which is
 * terminated, and the upload is refused with the reason. One worker per file: these imports
 * are rare, so the start-up (tens of ms) is not worth a pool.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UnprocessableEntityException } from '@nestjs/common';
import type { QdeProject } from './qde-model.js';

export interface RefiReadRequest {
  kind: 'qdpx' | 'qdc';
  content: Uint8Array;
}
export type RefiReadReply = { ok: true; project: QdeProject } | { ok: false; detail: string };

export interface RefiReadLimits {
  deadlineMs: number;
  maxHeapMb: number;
}

export async function readRefiQdaFile(request: RefiReadRequest, limits: RefiReadLimits): Promise<QdeProject> {
  const worker = new Worker(compiledWorkerPath(), { resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 } });
  try {
    const reply = await new Promise<RefiReadReply>((resolve, reject) => {
      const seconds = Math.round(limits.deadlineMs / 1000);
      const deadline = setTimeout(() => reject(new UnprocessableEntityException(`the file took too long to read (more than ${seconds} s), so nothing was imported`)), limits.deadlineMs);
      worker.once('message', (answer: RefiReadReply) => {
        clearTimeout(deadline);
        resolve(answer);
      });
      const gone = (): void => {
        clearTimeout(deadline);
        reject(new UnprocessableEntityException(`the file is too complex to read (it needed more than ${limits.maxHeapMb} MB of memory), so nothing was imported`));
      };
      worker.once('error', gone);
      worker.once('exit', gone);
      worker.postMessage(request);
    });
    if (!reply.ok) throw new UnprocessableEntityException(reply.detail);
    return reply.project;
  } finally {
    await worker.terminate();
  }
}

/** Under tests this module is loaded from src/ by ts-jest: the worker runs from dist/, which the test script builds. */
function compiledWorkerPath(): URL {
  const beside = new URL('./qdpx-read-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL(beside.href.replace('/src/modules/', '/dist/modules/'));
}
