/**
 * Main-thread side of the read workers (read-worker.ts): a small pool, one file per worker at
 * a time, each read under a deadline and in a heap-capped thread. A read that overruns the
 * deadline or exhausts the heap gets its worker terminated (a new one is started for the next
 * file) and its file refused with the reason; the API's event loop never runs the parsers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportRejection } from './extract/rejection.js';
import { READY, type LoadFormatReply, type LoadFormatRequest, type ReadDocument, type ReadFormat, type ReadReply, type ReadRequest } from './read-worker-protocol.js';

export interface ReadSandboxOptions {
  deadlineMs: number;
  maxHeapMb: number;
  /** Called with what a library threw on a file refused as unreadable (for the server log). */
  onUnreadable?: (name: string, cause: string) => void;
}

/** A read stopped because the server is shutting down: the job goes back to the queue. */
export class ReadInterrupted extends Error {
  constructor() {
    super('the server is shutting down');
  }
}

/** An idle worker is kept this long for the next file, then stopped (its heap may be large). */
const IDLE_WORKER_MS = 30_000;

export class ReadSandbox {
  private readonly idle = new Map<Worker, NodeJS.Timeout>();
  /** Workers reading, each with a way to interrupt its read. */
  private readonly busy = new Map<Worker, () => void>();
  /** Every worker started and not yet stopped, with the promise of its having loaded. */
  private readonly started = new Map<Worker, Promise<void>>();
  /** The formats each worker has loaded the reader of (or is loading). */
  private readonly formats = new Map<Worker, Map<ReadFormat, Promise<void>>>();
  private nextId = 1;
  private closed = false;
  private replacements = 0;

  constructor(private readonly options: ReadSandboxOptions) {}

  /** Workers stopped after a deadline or a crash, since start (for tests and metrics). */
  get replacedWorkers(): number {
    return this.replacements;
  }

  /** The file read in a worker, or an ImportRejection saying why it was not. */
  async read(request: Omit<ReadRequest, 'id'>): Promise<ReadDocument> {
    if (this.closed) throw new ReadInterrupted();
    const worker = this.takeWorker();
    try {
      // The deadline is the file's: it starts once the worker has loaded, the file's format's reader included.
      await this.started.get(worker);
      await this.loadFormat(worker, request.format);
    } catch (error) {
      if (this.closed) throw new ReadInterrupted();
      throw error;
    }
    if (this.closed) throw new ReadInterrupted();
    return await this.send(worker, request);
  }

  /** The worker's reader of `format`, loaded once per worker (before the first file of that format). */
  private loadFormat(worker: Worker, format: ReadFormat): Promise<void> {
    const formats = this.formats.get(worker) ?? new Map<ReadFormat, Promise<void>>();
    this.formats.set(worker, formats);
    let loading = formats.get(format);
    if (loading) return loading;
    loading = new Promise<void>((resolve, reject) => {
      const onMessage = (message: LoadFormatReply): void => {
        if (message?.loaded !== format) return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve();
      };
      const onExit = (): void => {
        worker.off('message', onMessage);
        reject(new Error('a read worker stopped while loading'));
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ load: format } satisfies LoadFormatRequest);
    });
    formats.set(format, loading);
    return loading;
  }

  private send(worker: Worker, request: Omit<ReadRequest, 'id'>): Promise<ReadDocument> {
    const id = this.nextId++;
    return new Promise<ReadDocument>((resolve, reject) => {
      let settled = false;
      const settle = (keepWorker: boolean, outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        worker.off('message', onMessage);
        worker.off('error', onGone);
        worker.off('exit', onGone);
        this.busy.delete(worker);
        if (keepWorker) this.putBack(worker);
        else {
          if (!this.closed) this.replacements += 1;
          void worker.terminate();
        }
        outcome();
      };
      const onMessage = (reply: ReadReply): void => {
        if (reply.id !== id) return;
        settle(true, () => {
          if (reply.ok) return resolve(reply.document);
          if (reply.cause !== undefined) this.options.onUnreadable?.(request.name, reply.cause);
          reject(new ImportRejection(reply.reason, reply.detail));
        });
      };
      const onGone = (): void => settle(false, () => reject(this.tooComplex()));
      const deadline = setTimeout(() => settle(false, () => reject(this.tooSlow())), this.options.deadlineMs);
      this.busy.set(worker, () => settle(false, () => reject(new ReadInterrupted())));
      worker.on('message', onMessage);
      worker.on('error', onGone);
      worker.on('exit', onGone);
      const { content } = request;
      // Bytes that are all of their buffer move to the worker instead of being copied; the caller is done with them.
      const transfer = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength && content.byteLength > 0 ? [content.buffer as ArrayBuffer] : [];
      worker.postMessage({ ...request, id } satisfies ReadRequest, transfer);
    });
  }

  /** Interrupts the reads in progress (ReadInterrupted) and stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.started.keys()];
    for (const interrupt of [...this.busy.values()]) interrupt();
    for (const timer of this.idle.values()) clearTimeout(timer);
    this.idle.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private takeWorker(): Worker {
    const [reused] = this.idle;
    if (reused) {
      clearTimeout(reused[1]);
      this.idle.delete(reused[0]);
      return reused[0];
    }
    const worker = new Worker(compiledWorkerPath(), { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb, maxYoungGenerationSizeMb: 32 } });
    worker.unref();
    // Keeps a worker that dies while idle from throwing as an unhandled 'error' event.
    worker.on('error', () => undefined);
    const loaded = new Promise<void>((resolve, reject) => {
      const onMessage = (message: unknown): void => {
        if (message !== READY) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('exit', () => reject(new Error('a read worker stopped while loading')));
    });
    loaded.catch(() => undefined);
    this.started.set(worker, loaded);
    worker.on('exit', () => {
      const timer = this.idle.get(worker);
      if (timer) clearTimeout(timer);
      this.idle.delete(worker);
      this.started.delete(worker);
      this.formats.delete(worker);
    });
    return worker;
  }

  private putBack(worker: Worker): void {
    if (this.closed) {
      void worker.terminate();
      return;
    }
    const timer = setTimeout(() => {
      this.idle.delete(worker);
      void worker.terminate();
    }, IDLE_WORKER_MS);
    timer.unref();
    this.idle.set(worker, timer);
  }

  private tooSlow(): ImportRejection {
    const seconds = Math.round(this.options.deadlineMs / 100) / 10;
    return new ImportRejection('too_slow', `the file took too long to read (more than ${seconds.toLocaleString('en')} s), so it was not imported; it may be built to be hard to read: save it again in a simpler form (for example as .txt) or split it`);
  }

  private tooComplex(): ImportRejection {
    return new ImportRejection('too_complex', `the file is too complex to read: reading it needed more than ${this.options.maxHeapMb} MB of memory, so it was not imported; save it again in a simpler form (for example as .txt) or split it`);
  }
}

/**
 * The worker must be JavaScript: under tests this module is loaded from src/ by ts-jest,
 * so point at the same file in dist/, which the test script builds first.
 */
function compiledWorkerPath(): URL {
  const beside = new URL('./read-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL(beside.href.replace('/src/modules/imports/', '/dist/modules/imports/'));
}
