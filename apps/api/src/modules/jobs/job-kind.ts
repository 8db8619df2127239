/**
 * The extension point of background work: a feature declares a kind of job (imports, exports,
 * their clean-up) and registers it with the JobQueue when its module starts; the queue knows
 * no kind by name. Each kind keeps its own user-facing record (import_jobs, export_jobs) and
 * the queue only schedules runs of it.
 */

export interface JobRunContext {
  /** The queue's id of this run; a kind's record names the run responsible for it. */
  runId: string;
  /**
   * Aborted when this process is shutting down or the queue no longer counts this run as
   * alive: stop at the next safe point. `shuttingDown()` says which.
   */
  signal: AbortSignal;
  shuttingDown(): boolean;
}

export type AbandonCause =
  /** The run threw: a fault of the job or of this code. */
  | 'failed'
  /** Its process died, stopped without finishing it, or lost the database for longer than the heartbeat. */
  | 'lost';

export interface JobKind<Data extends object> {
  /** The queue's name: letters, digits, - and _ only. */
  readonly name: string;
  /** Runs at once in one API process. */
  readonly concurrency: number;
  /** Longest a run may take; a live run is otherwise known by its heartbeat. Default 1 hour. */
  readonly maxRunSeconds?: number;
  /** Also run on this schedule (cron, UTC), once per tick across all API processes. */
  readonly cron?: string;
  run(data: Data, context: JobRunContext): Promise<void>;
  /**
   * A run ended without finishing: it threw, or its process died (noticed by the missing
   * heartbeat, within about 20 s, by any API process). A run is never retried, so one job that
   * crashes a process cannot take down every process in turn; the kind records the failure
   * for the user. `runId` is the run that ended: the record may have moved on to another.
   */
  abandoned?(data: Data, runId: string, cause: AbandonCause): Promise<void>;
}
