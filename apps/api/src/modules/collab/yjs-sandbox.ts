/**
 * Main-thread side of a Yjs worker (yjs-worker.ts). Untrusted updates that arrive while the
 * worker is busy go to it as one batch when it answers (one message each way instead of one
 * per update); every request runs under a deadline. A request that overruns it, or
 * crashes the worker (out of memory), gets the worker replaced: a single update is refused,
 * a batch is split and replayed update by update so only the culprit is refused. Mirrors
 * are reloaded from the live document whenever the worker may have lost or damaged them.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CitedSpan } from '@marginalia/shared';
import { encodeUpdateBatch, type ApplyOutcome, type SandboxReply, type SandboxRequest } from './yjs-worker-protocol.js';

type Operation = SandboxRequest extends infer R ? (R extends SandboxRequest ? Omit<R, 'id'> : never) : never;
type Reply = SandboxReply & { ok: true };

export class SandboxRefusal extends Error {
  constructor(
    message: string,
    readonly reason: 'deadline' | 'crashed' | 'rejected',
  ) {
    super(message);
  }
}

interface PendingUpdate {
  doc: string;
  kind: string;
  /** Who sent it; empty when it is already in the live document (from another node): it keeps the mirror current, nothing to refuse. */
  author: string;
  update: Uint8Array;
  resolve: (citedSpans: CitedSpan[]) => void;
  reject: (error: SandboxRefusal) => void;
}

interface Task {
  id: number;
  operation: Operation;
  /** For `apply`: the updates it carries, settled from the reply's outcomes. */
  updates?: PendingUpdate[];
  resolve: (reply: Reply) => void;
  reject: (error: SandboxRefusal) => void;
}

export interface YjsSandboxOptions {
  deadlineMs: number;
  /** Heap cap for the worker: an update that allocates without bound crashes it, not us. */
  maxHeapMb: number;
  /** The live state and kind of a document, to (re)build its mirror. */
  liveState?: (doc: string) => { state: Uint8Array; kind: string } | null;
}

export class YjsSandbox {
  private worker: Worker | null = null;
  private readonly queue: Task[] = [];
  private readonly mirrored = new Set<string>();
  private collected: PendingUpdate[] = [];
  private deadline: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;
  private replacements = 0;
  private flushScheduled = false;
  private requests = 0;

  constructor(private readonly options: YjsSandboxOptions) {}

  /**
   * Applies `author`'s update to the document's mirror, where the kind's guard judges it;
   * resolves with the corpus spans it cites, rejects if it fails, is refused or overruns.
   */
  apply(doc: string, update: Uint8Array, from: { kind: string; author: string }): Promise<CitedSpan[]> {
    return new Promise((resolve, reject) => this.collect({ doc, kind: from.kind, author: from.author, update, resolve, reject }));
  }

  /** Mirrors an update that is already in the live document (from another node, say). */
  follow(doc: string, kind: string, update: Uint8Array): void {
    if (!this.mirrored.has(doc)) return; // the next load of the mirror includes it
    this.collect({ doc, kind, author: '', update, resolve: () => undefined, reject: () => undefined });
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

  /**
   * What the document's mirror has that `stateVector` lacks (a sync step 2), encoded in the
   * worker. The mirror holds every update the live document has or is about to apply.
   */
  async diff(doc: string, stateVector: Uint8Array): Promise<Uint8Array> {
    this.loadMirrorIfMissing(doc);
    const reply = await this.run({ op: 'diff', doc, stateVector });
    // A worker replaced meanwhile answers without a state: the caller encodes it itself.
    if (!reply.state) throw new SandboxRefusal('the worker was replaced before it answered', 'crashed');
    return reply.state;
  }

  /** Messages sent to a worker since start (for tests and metrics). */
  get workerRequests(): number {
    return this.requests;
  }

  /** Workers replaced after a deadline or a crash, since start (for tests and metrics). */
  get replacedWorkers(): number {
    return this.replacements;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.clearDeadline();
    const refusal = new SandboxRefusal('server is shutting down', 'crashed');
    for (const pending of this.collected.splice(0)) pending.reject(refusal);
    for (const task of this.queue.splice(0)) task.reject(refusal);
    await this.worker?.terminate();
    this.worker = null;
  }

  /**
   * Updates go to the worker together: those read in one pass of the event loop (a burst
   * from many editors) at the end of that pass, and those that arrive while it is busy as
   * soon as it answers, like a group commit. One batch comes back as one reply, so its
   * updates reach the live document together and are relayed as one merged frame, rather
   * than as one fan-out per update.
   */
  private collect(pending: PendingUpdate): void {
    if (this.closed) return pending.reject(new SandboxRefusal('server is shutting down', 'crashed'));
    this.collected.push(pending);
    if (this.queue.length === 0) this.flushAtEndOfPass();
  }

  private flushAtEndOfPass(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flushIfIdle();
    });
  }

  private flushCollected(): void {
    if (this.collected.length === 0) return;
    const updates: PendingUpdate[] = [];
    for (const pending of this.collected.splice(0)) {
      if (!pending.author && !this.mirrored.has(pending.doc)) pending.resolve([]);
      else updates.push(pending);
    }
    if (updates.length === 0) return;
    for (const doc of new Set(updates.map((pending) => pending.doc))) this.loadMirrorIfMissing(doc);
    this.enqueueUpdates(updates);
  }

  private loadMirrorIfMissing(doc: string): void {
    if (this.mirrored.has(doc)) return;
    this.mirrored.add(doc);
    const live = this.options.liveState?.(doc);
    if (live) this.enqueue({ op: 'load', doc, kind: live.kind, state: live.state }).catch(() => this.mirrored.delete(doc));
  }

  private enqueueUpdates(updates: PendingUpdate[]): void {
    const task = this.task({ op: 'apply', batch: encodeUpdateBatch(updates) });
    task.updates = updates;
    task.resolve = (reply) => this.settleUpdates(updates, reply.outcomes ?? []);
    task.reject = (error) => {
      for (const pending of updates) pending.reject(error);
    };
  }

  private settleUpdates(updates: PendingUpdate[], outcomes: ApplyOutcome[]): void {
    updates.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) return pending.resolve(outcome.citedSpans ?? []);
      this.mirrored.delete(pending.doc);
      if (outcome && 'retry' in outcome) this.collected.push(pending); // sent by settle's next flush
      else pending.reject(new SandboxRefusal(outcome?.message ?? 'no outcome', 'rejected'));
    });
  }

  private run(operation: Operation): Promise<Reply> {
    if (this.closed) return Promise.reject(new SandboxRefusal('server is shutting down', 'crashed'));
    return this.enqueue(operation);
  }

  private enqueue(operation: Operation): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const task = this.task(operation);
      task.resolve = resolve;
      task.reject = reject;
    });
  }

  /** Queues a task and sends it; its resolve/reject are filled in by the caller. */
  private task(operation: Operation): Task {
    const task: Task = { id: this.nextId++, operation, resolve: () => undefined, reject: () => undefined };
    this.queue.push(task);
    this.send(task);
    if (this.queue.length === 1) this.armDeadline();
    return task;
  }

  private send(task: Task): void {
    const request = { ...task.operation, id: task.id } as SandboxRequest;
    this.requests += 1;
    // An apply's batch is built for this one message: hand its memory over instead of copying.
    this.workerInstance().postMessage(request, request.op === 'apply' ? [request.batch.buffer as ArrayBuffer] : []);
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
    // Callers apply what was just accepted to the live document in their continuations
    // (microtasks): a mirror reloaded before those ran would lack it, and pass updates the
    // live document then throws on. So the next batch waits for them, until the end of this
    // pass; it is scheduled before their relay is, so the worker checks it during the fan-out.
    if (this.queue.length === 0) this.flushAtEndOfPass();
    if (this.queue.length > 0) this.armDeadline();
  }

  private flushIfIdle(): void {
    if (!this.closed && this.queue.length === 0) this.flushCollected();
  }

  private armDeadline(): void {
    this.clearDeadline();
    const worker = this.worker;
    const head = this.queue[0];
    this.deadline = setTimeout(
      () => {
        if (worker) this.replaceWorker(worker, 'deadline');
      },
      head ? deadlineFor(head.operation, this.options.deadlineMs) : this.options.deadlineMs,
    );
    this.deadline.unref();
  }

  private clearDeadline(): void {
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = null;
  }

  /** Refuses what was running (or splits it if it was a batch), starts a fresh worker and replays the rest. */
  private replaceWorker(worker: Worker, reason: 'deadline' | 'crashed'): void {
    if (worker !== this.worker || this.closed) return;
    this.worker = null;
    this.replacements += 1;
    this.clearDeadline();
    void worker.terminate();
    const culprit = this.queue.shift();
    const rest = this.queue.splice(0);
    this.mirrored.clear();
    if (culprit?.updates && culprit.updates.length > 1) {
      // Which update overran is unknown: replay them one at a time, each under its own deadline.
      for (const pending of culprit.updates.filter((update) => update.author !== '')) this.collectAlone(pending);
    } else {
      culprit?.reject(new SandboxRefusal(reason === 'deadline' ? `took longer than ${this.options.deadlineMs} ms` : 'crashed the worker', reason));
    }
    for (const task of rest) {
      if (task.updates) {
        for (const pending of task.updates) if (pending.author) this.collectAlone(pending);
      } else if (task.operation.op === 'merge') {
        this.queue.push(task);
        this.send(task);
      } else {
        task.resolve({ id: task.id, ok: true });
      }
    }
    this.flushCollected();
    if (this.queue.length > 0) this.armDeadline();
  }

  /** Sends one untrusted update in a batch of its own, reloading its mirror first. */
  private collectAlone(pending: PendingUpdate): void {
    this.loadMirrorIfMissing(pending.doc);
    const task = this.task({ op: 'apply', batch: encodeUpdateBatch([pending]) });
    task.updates = [pending];
    task.resolve = (reply) => this.settleUpdates([pending], reply.outcomes ?? []);
    task.reject = (error) => pending.reject(error);
  }
}

/**
 * Only untrusted updates get the short deadline. Loading a mirror replays the live document's
 * own state, already applied on the main thread: a large document may take longer than the
 * deadline to load into a fresh worker, and refusing it would only start the load again on the
 * next worker, and again, while the updates behind it waited.
 */
const TRUSTED_WORK_DEADLINE_MS = 60_000;

function deadlineFor(operation: Operation, untrustedDeadlineMs: number): number {
  return operation.op === 'apply' ? untrustedDeadlineMs : Math.max(untrustedDeadlineMs, TRUSTED_WORK_DEADLINE_MS);
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
