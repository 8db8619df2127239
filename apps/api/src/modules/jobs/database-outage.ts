/**
 * Telling a database outage apart from a fault, and saying so once. While the database is
 * unreachable every poll of every worker fails; the job queue reports the outage once, from
 * its second failed attempt, and once more when it is over, instead of a line per poll.
 */

/** Errors that mean "no database right now" rather than a fault of a job or of this code. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '3D000', '08000', '08001', '08003', '08006']);
const UNREACHABLE_MESSAGE =
  /connection terminated|not currently accepting connections|connect ECONNREFUSED|Connection terminated unexpectedly|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** Errors, or the plain copies of them pg-boss emits (`{ ...error, message, queue }`). */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  // TypeORM releases a query runner whose connection died under it; the next query on it says so.
  if (name === 'QueryRunnerAlreadyReleasedError') return true;
  return (typeof code === 'string' && UNREACHABLE_CODES.has(code)) || (typeof message === 'string' && UNREACHABLE_MESSAGE.test(message));
}

/** How long without a failed attempt before an outage is reported over. */
export const RECOVERY_QUIET_MS = 3_000;
/** Failed attempts in a row before an outage is reported. */
const OUTAGE_REPORTED_AFTER = 2;

export interface OutageLog {
  unreachable(error: Error): void;
  reachable(): void;
}

export class DatabaseOutage {
  /** Failed attempts since the database last answered; 0 when it answers. */
  private failures = 0;
  private lastFailureAt = 0;

  constructor(
    private readonly log: OutageLog,
    private readonly now: () => number = Date.now,
  ) {}

  get active(): boolean {
    return this.failures > 0;
  }

  /** Failed attempts so far in this outage (for back-off). */
  get attempts(): number {
    return this.failures;
  }

  /**
   * A failed attempt. Reported from the second: the first failure after the database comes
   * back is often a pooled connection the outage killed (the pool then replaces it), and
   * reporting that would announce an outage that is already over.
   */
  failed(error: Error): void {
    this.failures += 1;
    this.lastFailureAt = this.now();
    if (this.failures === OUTAGE_REPORTED_AFTER) this.log.unreachable(error);
  }

  /**
   * The database answered. Recovery is declared only once nothing has failed for a moment:
   * while the database refuses new connections, a pooled one may still get an answer.
   * Returns whether the outage is over.
   */
  answered(): boolean {
    if (this.failures === 0) return true;
    if (this.now() - this.lastFailureAt < RECOVERY_QUIET_MS) return false;
    const reported = this.failures >= OUTAGE_REPORTED_AFTER;
    this.failures = 0;
    if (reported) this.log.reachable();
    return true;
  }
}
