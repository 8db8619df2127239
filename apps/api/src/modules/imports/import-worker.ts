/**
 * The background worker of this process: started with the application, stopped with it. A
 * few job loops claim jobs from the shared queue, so several API processes share the work and
 * one job's reading overlaps another's storing.
 * New jobs of this process wake an idle loop at once; other processes' jobs are found by
 * polling. On start and every minute it fails jobs left 'running' by a process that died. On
 * shutdown the jobs in hand go back to the queue at the next file boundary.
 * While the database is unreachable the loops back off (doubling up to a minute) and the
 * worker says so once, and once more when it is back, instead of a line per loop and poll.
 */
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ImportJobRunner } from './import-job-runner.js';
import { ImportQueue } from './import-queue.js';

/** Jobs run at once by one process. Each holds a database connection and its files in memory. */
const CONCURRENT_JOBS = 3;
const POLL_INTERVAL_MS = 2_000;
const SWEEP_INTERVAL_MS = 60_000;
const OUTAGE_MAX_BACKOFF_MS = 60_000;

/** Errors that mean "no database right now" rather than a fault of a job or of this code. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '3D000', '08000', '08001', '08003', '08006']);
const UNREACHABLE_MESSAGE = /connection terminated|not currently accepting connections|connect ECONNREFUSED|Connection terminated unexpectedly|the database system is (starting up|shutting down|in recovery mode)/i;

export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // TypeORM releases a query runner whose connection died under it; the next query on it says so.
  if (error.name === 'QueryRunnerAlreadyReleasedError') return true;
  return (typeof code === 'string' && UNREACHABLE_CODES.has(code)) || UNREACHABLE_MESSAGE.test(error.message);
}

/** How long without a failed attempt before an outage is reported over. */
const RECOVERY_QUIET_MS = 3_000;
/** Failed attempts in a row before an outage is reported. */
const OUTAGE_REPORTED_AFTER = 2;

@Injectable()
export class ImportWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Imports');
  private readonly stopping = new AbortController();
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  /** Counts notify() calls, so a loop that was busy when one came does not go to sleep. */
  private notifications = 0;
  private lastSweep = 0;
  /** Failed attempts in a row while the database is unreachable; 0 when it answers. */
  private outageFailures = 0;
  private lastOutageFailureAt = 0;

  constructor(
    private readonly queue: ImportQueue,
    private readonly runner: ImportJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.loops = Array.from({ length: CONCURRENT_JOBS }, () => this.work());
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    for (const wake of this.sleepers) wake();
    await this.runner.close();
    await Promise.all(this.loops);
  }

  /** A job was queued: look now rather than at the next poll. */
  notify(): void {
    this.notifications += 1;
    for (const wake of this.sleepers) wake();
  }

  private async work(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      const seen = this.notifications;
      let ranJob = false;
      try {
        await this.sweepIfDue();
        ranJob = await this.runNext();
        this.databaseAnswered();
      } catch (error) {
        if (isDatabaseUnreachable(error)) {
          this.databaseUnreachable(error as Error);
          await this.idle(Math.min(OUTAGE_MAX_BACKOFF_MS, POLL_INTERVAL_MS * 2 ** Math.min(this.outageFailures, 10)));
          continue;
        }
        this.logger.error(`import worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      if (!ranJob && seen === this.notifications) await this.idle();
    }
  }

  private async runNext(): Promise<boolean> {
    const job = await this.queue.claimNext();
    if (!job) return false;
    try {
      await this.runner.run(job, this.stopping.signal);
    } finally {
      await this.queue.release(job);
    }
    return true;
  }

  private async sweepIfDue(): Promise<void> {
    if (Date.now() - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = Date.now();
    const failed = await this.queue.failAbandoned();
    if (failed.length > 0) this.logger.warn(`failed ${failed.length} import job(s) abandoned by a stopped process: ${failed.join(', ')}`);
  }

  /**
   * An outage is reported from its second failed attempt: the first failure after the database
   * comes back is often a pooled connection the outage killed (the pool then replaces it), and
   * reporting that would announce an outage that is already over.
   */
  private databaseUnreachable(error: Error): void {
    this.outageFailures += 1;
    this.lastOutageFailureAt = Date.now();
    if (this.outageFailures === OUTAGE_REPORTED_AFTER) this.logger.error(`the database is unreachable (${error.message}); imports wait and retry with backoff until it is back`);
  }

  /**
   * Recovery is declared only once no loop has failed for a moment: while the database refuses
   * new connections, a loop on a pooled one may still get an answer.
   */
  private databaseAnswered(): void {
    if (this.outageFailures === 0 || Date.now() - this.lastOutageFailureAt < RECOVERY_QUIET_MS) return;
    const reported = this.outageFailures >= OUTAGE_REPORTED_AFTER;
    this.outageFailures = 0;
    if (reported) this.logger.log('the database is reachable again; imports resume');
  }

  private async idle(ms = POLL_INTERVAL_MS): Promise<void> {
    if (this.stopping.signal.aborted) return;
    await new Promise<void>((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
