/**
 * Main-thread side of a Yjs worker (yjs-worker.ts): requests run one at a time, in order,
 * each under a deadline. A request that overruns it, or crashes the worker (out of memory),
 * is refused and the worker is replaced; the requests queued behind it are replayed on the
 * new worker, which reloads each mirror from the live document first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SandboxReply, SandboxRequest } from './yjs-worker-protocol.js';

type Operation = SandboxRequest extends infer R ? (R extends SandboxRequest ? Omit<R, 'id'> : never) : never;

export class SandboxRefusal extends Error {
  constructor(
    message: string,
    readonly reason: 'deadline' | 'crashed' | 'rejected',
  ) {
    super(message);
  }
}

interface Task {
  id: number;
  operation: Operation;
  resolve: (reply: SandboxReply & { ok: true }) => void;
  reject: (error: SandboxRefusal) => void;
}

export interface YjsSandboxOptions {
  deadlineMs: number;
  /** Heap cap for the worker: an update that allocates without bound crashes it, not us. */
  maxHeapMb: number;
  /** The live state of a document, to rebuild its mirror after the worker was replaced. */
  liveState?: (doc: string) => Uint8Array | null;
}

export class YjsSandbox {
  private worker: Worker | null = null;
  private readonly queue: Task[] = [];
  private readonly mirrored = new Set<string>();
  private deadline: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;
  private replacements = 0;

  constructor(private readonly options: YjsSandboxOptions) {}

  /** Applies an untrusted update to the document's mirror; rejects if it fails or overruns. */
  async apply(doc: string, update: Uint8Array): Promise<void> {
    await this.ensureMirror(doc);
    try {
      await this.run({ op: 'apply', doc, update });
    } catch (error) {
      // A half-applied update may have left the mirror unlike the live document.
      this.mirrored.delete(doc);
      throw error;
    }
  }

  /** Applies an update that is already in the live document (from another node, say). */
  async follow(doc: string, update: Uint8Array): Promise<void> {
    if (!this.mirrored.has(doc)) return; // the next apply loads the mirror, this included
    await this.run({ op: 'apply', doc, update }).catch(() => this.mirrored.delete(doc));
  }

  async drop(doc: string): Promise<void> {
    if (!this.mirrored.delete(doc)) return;
    await this.run({ op: 'drop', doc }).catch(() => undefined);
  }

  /** Merges updates into one compact state, off the main thread. */
  async merge(updates: Uint8Array[]): Promise<Uint8Array> {
    const reply = await this.run({ op: 'merge', updates });
    if (!reply.state) throw new SandboxRefusal('merge returned no state', 'rejected');
    return reply.state;
  }

  /** Workers replaced after a deadline or a crash, since start (for tests and metrics). */
  get replacedWorkers(): number {
    return this.replacements;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.clearDeadline();
    for (const task of this.queue.splice(0)) task.reject(new SandboxRefusal('server is shutting down', 'crashed'));
    await this.worker?.terminate();
    this.worker = null;
  }

  private async ensureMirror(doc: string): Promise<void> {
    if (this.mirrored.has(doc)) return;
    const state = this.options.liveState?.(doc);
    this.mirrored.add(doc);
    if (state) await this.run({ op: 'load', doc, state });
  }

  private run(operation: Operation): Promise<SandboxReply & { ok: true }> {
    if (this.closed) return Promise.reject(new SandboxRefusal('server is shutting down', 'crashed'));
    return new Promise((resolve, reject) => {
      const task: Task = { id: this.nextId++, operation, resolve, reject };
      this.queue.push(task);
      this.send(task);
      if (this.queue.length === 1) this.armDeadline();
    });
  }

  private send(task: Task): void {
    this.workerInstance().postMessage({ ...task.operation, id: task.id } as SandboxRequest);
  }

  private workerInstance(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(compiledWorkerPath(), { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb, maxYoungGenerationSizeMb: 32 } });
    worker.unref();
    worker.on('message', (reply: SandboxReply) => this.settle(worker, reply));
    worker.on('error', () => this.replaceWorker(worker, 'crashed'));
    worker.on('exit', () => this.replaceWorker(worker, 'crashed'));
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: SandboxReply): void {
    if (worker !== this.worker) return;
    const head = this.queue[0];
    if (!head || head.id !== reply.id) return;
    this.queue.shift();
    this.clearDeadline();
    if (reply.ok) head.resolve(reply);
    else head.reject(new SandboxRefusal(reply.message, 'rejected'));
    if (this.queue.length > 0) this.armDeadline();
  }

  private armDeadline(): void {
    this.clearDeadline();
    const worker = this.worker;
    this.deadline = setTimeout(() => {
      if (worker) this.replaceWorker(worker, 'deadline');
    }, this.options.deadlineMs);
    this.deadline.unref();
  }

  private clearDeadline(): void {
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = null;
  }

  /** Refuses the request that was running, starts a fresh worker and replays the rest. */
  private replaceWorker(worker: Worker, reason: 'deadline' | 'crashed'): void {
    if (worker !== this.worker || this.closed) return;
    this.worker = null;
    this.replacements += 1;
    this.clearDeadline();
    void worker.terminate();
    const culprit = this.queue.shift();
    const culpritDoc = culprit && 'doc' in culprit.operation ? culprit.operation.doc : null;
    culprit?.reject(new SandboxRefusal(reason === 'deadline' ? `took longer than ${this.options.deadlineMs} ms` : 'crashed the worker', reason));
    const rest = this.queue.splice(0);
    this.mirrored.clear();
    if (culpritDoc) this.mirrored.delete(culpritDoc);
    for (const task of rest) {
      const doc = 'doc' in task.operation ? task.operation.doc : null;
      if (doc && task.operation.op === 'apply' && !this.mirrored.has(doc)) {
        this.mirrored.add(doc);
        const state = this.options.liveState?.(doc);
        if (state) this.queue.push({ id: this.nextId++, operation: { op: 'load', doc, state }, resolve: () => undefined, reject: () => undefined });
      }
      this.queue.push(task);
    }
    for (const task of this.queue) this.send(task);
    if (this.queue.length > 0) this.armDeadline();
  }
}

/**
 * The worker must be JavaScript: under tests this module is loaded from src/ by ts-jest,
 * so point at the same file in dist/, which the test script builds first.
 */
function compiledWorkerPath(): URL {
  const beside = new URL('./yjs-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL(beside.href.replace('/src/modules/collab/', '/dist/modules/collab/'));
}
