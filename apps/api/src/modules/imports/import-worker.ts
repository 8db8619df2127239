/**
 * Imports as a kind of job on the shared job queue (modules/jobs): at most CONCURRENT_JOBS
 * imports at once per API process, so several processes share the work and one job's reading
 * overlaps another's storing. A run claims its import_jobs row, reads and stores the files
 * (import-job-runner.ts) and ends the row; on shutdown the job goes back to the queue at the
 * next file boundary under a new run. A run that died with its process is noticed by the
 * queue (heartbeat) and its job failed with ABANDONED_JOB_ERROR, never retried: one bad file
 * cannot take down every process in turn.
 */
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkspaceEvents } from '../collab/workspace-events.service.js';
import type { AbandonCause, JobKind, JobRunContext } from '../jobs/job-kind.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { ImportJobRunner, UNEXPECTED_FAILURE } from './import-job-runner.js';
import { ABANDONED_JOB_ERROR, ImportJobStore } from './import-job-store.js';

/** Jobs run at once by one process. Each holds a database connection and one file in memory. */
const CONCURRENT_JOBS = 3;

interface ImportRun {
  importJobId: string;
}

@Injectable()
export class ImportWorker implements OnModuleInit, OnModuleDestroy, JobKind<ImportRun> {
  readonly name = 'imports';
  readonly concurrency = CONCURRENT_JOBS;
  /** A batch is at most 200 files, each read under a deadline: hours would mean something is wrong. */
  readonly maxRunSeconds = 4 * 3600;
  /** This process is shutting down (whichever of this module and the queue hears it first). */
  private readonly closed = new AbortController();
  private get closing(): boolean {
    return this.closed.signal.aborted;
  }

  constructor(
    private readonly queue: JobQueue,
    private readonly store: ImportJobStore,
    private readonly runner: ImportJobRunner,
    private readonly events: WorkspaceEvents,
  ) {}

  onModuleInit(): void {
    this.queue.register(this);
  }

  /** Queues a run of the job, inside the transaction that creates it. */
  async enqueue(importJobId: string, runId: string, manager: EntityManager): Promise<void> {
    await this.queue.send(this, { importJobId }, { id: runId, manager });
  }

  async run({ importJobId }: ImportRun, context: JobRunContext): Promise<void> {
    const job = await this.store.claim(importJobId, context.runId);
    if (!job) return;
    const shuttingDown = (): boolean => this.closing || context.shuttingDown();
    // A file being read when the process shuts down is interrupted rather than waited for.
    const interruptReads = (): void => void (shuttingDown() ? this.runner.close() : undefined);
    context.signal.addEventListener('abort', interruptReads, { once: true });
    const signal = AbortSignal.any([context.signal, this.closed.signal]);
    try {
      const outcome = await this.runner.run(job, signal);
      // Interrupted by a shutdown: another process takes it. (A lost claim means the queue has
      // already given up on this run and fails the job: nothing to put back.)
      if (outcome === 'interrupted' && shuttingDown()) {
        await this.store.requeue(job, async (runId, connection) => this.enqueue(importJobId, runId, connection.manager));
      }
    } finally {
      context.signal.removeEventListener('abort', interruptReads);
      await this.store.release(job);
      this.events.publish('imports.changed', job.workspaceId, [job.id], null);
    }
  }

  async abandoned({ importJobId }: ImportRun, runId: string, cause: AbandonCause): Promise<void> {
    const workspaceId = await this.store.failAbandoned(importJobId, runId, cause === 'lost' ? ABANDONED_JOB_ERROR : UNEXPECTED_FAILURE);
    if (workspaceId) this.events.publish('imports.changed', workspaceId, [importJobId], null);
  }

  /** Interrupts the runs in hand (at their next file, or in the file being read): they go back to the queue. */
  async onModuleDestroy(): Promise<void> {
    this.closed.abort();
    await this.runner.close();
  }
}
