/**
 * The one background job queue of the API: pg-boss on the application's own Postgres, shared
 * by every API process (SKIP LOCKED claims, so each run goes to exactly one process). Features
 * register a JobKind; this service creates its queue, works it with the kind's concurrency,
 * and sends jobs inside the caller's transaction, so a job exists exactly when its record does.
 *
 * Liveness is pg-boss's heartbeat: a run whose process dies stops beating and is failed by any
 * process's monitor within HEARTBEAT_SECONDS plus one SUPERVISE_SECONDS pass; it then lands on
 * the kind's dead-letter queue, whose worker tells the kind (`abandoned`). Runs are never
 * retried. On shutdown the runs in hand are told (their signal aborts) and get a grace period.
 *
 * While the database is unreachable every worker's poll fails: the queue says so once, pauses
 * its workers and probes with a doubling back-off until the database answers, says so, and
 * resumes.
 */
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgBoss, type Job, type JobWithMetadata } from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { DatabaseOutage, isDatabaseUnreachable } from './database-outage.js';
import type { JobKind } from './job-kind.js';
import { jobQueueOptions, transactionDb } from './job-queue-options.js';

/** A run that stops beating for this long is failed (pg-boss's minimum). */
export const HEARTBEAT_SECONDS = 10;
/** How often an API process runs pg-boss's monitor (heartbeats, expiry) and maintenance. */
export const SUPERVISE_SECONDS = 10;
/** Runs in hand at shutdown get this long to reach a safe point (main.ts forces exit at 10 s). */
const SHUTDOWN_GRACE_MS = 7_000;
const POLL_SECONDS = 2;
const PROBE_FIRST_MS = 1_000;
const PROBE_MAX_MS = 60_000;

/** Kinds differ in their data; each is typed where it is declared. */
type AnyKind = JobKind<any>;

@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly kinds = new Map<string, AnyKind>();
  private readonly boss: PgBoss;
  private readonly stopping = new AbortController();
  private readonly outage = new DatabaseOutage({
    unreachable: (error) => this.logger.error(`the database is unreachable (${error.message}); background jobs (imports, exports) wait and retry with backoff until it is back`),
    reachable: () => this.logger.log('the database is reachable again; background jobs resume'),
  });
  private started = false;
  private paused = false;
  private probing: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.boss = new PgBoss(jobQueueOptions(databaseUrlOf(dataSource)));
    this.boss.on('error', (error: Error) => this.reportError(asError(error)));
    this.boss.on('warning', (warning: { message: string }) => {
      if (!this.outage.active) this.logger.warn(`job queue: ${warning.message}`);
    });
  }

  /** Called by features when their module initialises (before the queue starts). */
  register(kind: AnyKind): void {
    if (this.kinds.has(kind.name)) throw new Error(`the job kind ${kind.name} is registered twice`);
    if (this.started) throw new Error(`the job kind ${kind.name} was registered after the queue started`);
    this.kinds.set(kind.name, kind);
  }

  /**
   * Queues a run of `kind`. With `manager` (a transaction's), the job is inserted in that
   * transaction: it is queued if and only if the transaction commits. Returns the run's id.
   */
  async send<Data extends object>(kind: JobKind<Data>, data: Data, options: { id?: string; manager?: EntityManager } = {}): Promise<string> {
    if (!this.kinds.has(kind.name)) throw new Error(`the job kind ${kind.name} is not registered`);
    const id = await this.boss.send(kind.name, data, { ...(options.id ? { id: options.id } : {}), ...(options.manager ? { db: transactionDb(options.manager) } : {}) });
    if (!id) throw new Error(`the job queue did not accept a ${kind.name} job`);
    return id;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    await this.boss.start();
    try {
      await this.setUp();
    } catch (error) {
      await this.boss.stop({ graceful: false });
      throw error;
    }
  }

  private async setUp(): Promise<void> {
    for (const kind of this.kinds.values()) {
      await this.ensureQueue(abandonedQueue(kind), { retryLimit: 20, retryDelay: 5, retryBackoff: true, retryDelayMax: 300 });
      await this.ensureQueue(kind.name, {
        retryLimit: 0,
        heartbeatSeconds: HEARTBEAT_SECONDS,
        expireInSeconds: kind.maxRunSeconds ?? 3600,
        deadLetter: abandonedQueue(kind),
        // Workers of every process wake when a job is queued, instead of at their next poll.
        notify: true,
        deleteAfterSeconds: 7 * 24 * 3600,
      });
      if (kind.cron) await this.boss.schedule(kind.name, kind.cron, {}, { tz: 'UTC' });
    }
    await this.workAll();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    if (!this.started) return;
    await this.boss.stop({ graceful: true, timeout: SHUTDOWN_GRACE_MS });
    await this.probing;
  }

  private async ensureQueue(name: string, options: Parameters<PgBoss['createQueue']>[1] & object): Promise<void> {
    // createQueue leaves an existing queue as it is; updateQueue brings its options up to date.
    await this.boss.createQueue(name, options);
    // Only what may change: a queue's policy and partitioning are fixed at creation.
    const updatable = Object.fromEntries(Object.entries(options).filter(([key, value]) => value !== undefined && key !== 'policy' && key !== 'partition'));
    await this.boss.updateQueue(name, updatable);
  }

  private async workAll(): Promise<void> {
    for (const kind of this.kinds.values()) {
      await this.boss.work<object>(kind.name, { localConcurrency: kind.concurrency, pollingIntervalSeconds: POLL_SECONDS }, async ([job]) => {
        if (job) await this.run(kind, job);
      });
      await this.boss.work<object, void, { includeMetadata: true; pollingIntervalSeconds: number }>(abandonedQueue(kind), { includeMetadata: true, pollingIntervalSeconds: POLL_SECONDS }, async ([job]) => {
        if (job) await this.abandoned(kind, job);
      });
    }
  }

  private async run(kind: AnyKind, job: Job<object>): Promise<void> {
    const signal = AbortSignal.any([this.stopping.signal, job.signal]);
    try {
      await kind.run(job.data, { runId: job.id, signal, shuttingDown: () => this.stopping.signal.aborted });
    } catch (error) {
      // No database: neither the failure nor the run's end can be recorded now. pg-boss fails
      // the run when it can, or the heartbeat does; either way it reaches `abandoned`.
      if (isDatabaseUnreachable(error)) throw error;
      this.logger.error(`${kind.name} job ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await kind.abandoned?.(job.data, job.id, 'failed');
    }
  }

  private async abandoned(kind: AnyKind, job: JobWithMetadata<object>): Promise<void> {
    const runId = job.sourceId ?? job.id;
    this.logger.warn(`${kind.name} job ${runId} ended without finishing (${describeOutput(job.sourceOutput)}); it is not retried`);
    await kind.abandoned?.(job.data, runId, 'lost');
  }

  private reportError(error: Error): void {
    if (this.stopping.signal.aborted && isDatabaseUnreachable(error)) return;
    if (!isDatabaseUnreachable(error)) {
      this.logger.error(`job queue: ${error.message}`);
      return;
    }
    this.outage.failed(error);
    if (!this.paused && this.started) void this.pause();
  }

  /** Stops polling until the database answers again, probing with a doubling back-off. */
  private async pause(): Promise<void> {
    this.paused = true;
    await Promise.allSettled([...this.kinds.values()].flatMap((kind) => [this.boss.offWork(kind.name, { wait: false }), this.boss.offWork(abandonedQueue(kind), { wait: false })]));
    this.probing = this.probeUntilBack();
  }

  private async probeUntilBack(): Promise<void> {
    let delay = PROBE_FIRST_MS;
    while (!this.stopping.signal.aborted) {
      await sleep(delay, this.stopping.signal);
      if (this.stopping.signal.aborted) return;
      try {
        await this.dataSource.query('SELECT 1');
        if (this.outage.answered()) break;
        delay = PROBE_FIRST_MS;
      } catch (error) {
        this.outage.failed(asError(error));
        delay = Math.min(PROBE_MAX_MS, delay * 2);
      }
    }
    if (this.stopping.signal.aborted) return;
    this.paused = false;
    this.probing = null;
    await this.workAll().catch((error: unknown) => this.reportError(error instanceof Error ? error : new Error(String(error))));
  }
}

export function abandonedQueue(kind: { name: string }): string {
  return `${kind.name}-abandoned`;
}

function databaseUrlOf(dataSource: DataSource): string {
  const url = (dataSource.options as { url?: string }).url;
  if (!url) throw new Error('the job queue needs the database URL the data source was built with');
  return url;
}

/** pg-boss emits some errors as plain copies (`{ ...error, message }`). */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  const copy = error as { message?: unknown; code?: unknown } | null;
  return Object.assign(new Error(typeof copy?.message === 'string' ? copy.message : String(error)), copy?.code === undefined ? {} : { code: copy.code });
}

function describeOutput(output: unknown): string {
  const message = (output as { value?: { message?: unknown }; message?: unknown } | null)?.value?.message ?? (output as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : 'no reason given';
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}


