/**
 * Says in the log when collaborative updates stop being committed, and when they commit again.
 * During a database outage every keystroke fails; one line per failure would bury everything
 * else, so the first failure is logged at once and the rest are counted into one summary line
 * every `summaryEveryMs`, then a last line with the totals once a commit succeeds again.
 */
export interface FailureLogSink {
  error(message: string): void;
  log(message: string): void;
}

export class CommitFailureLog {
  private failedSince: number | null = null;
  private failedTotal = 0;
  private failedSinceSummary = 0;
  private lastSummaryAt = 0;

  constructor(
    private readonly sink: FailureLogSink,
    private readonly summaryEveryMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get failing(): boolean {
    return this.failedSince !== null;
  }

  failed(doc: string, error: unknown): void {
    const now = this.now();
    this.failedTotal += 1;
    this.failedSinceSummary += 1;
    if (this.failedSince === null) {
      this.failedSince = now;
      this.lastSummaryAt = now;
      this.failedSinceSummary = 0;
      this.sink.error(
        `could not commit an update of ${doc} to Postgres (${describe(error)}); its document is reloaded from storage and its clients resend what is not stored. ` +
          `Updates are refused until commits succeed again.`,
      );
      return;
    }
    if (now - this.lastSummaryAt >= this.summaryEveryMs) {
      this.sink.error(`${this.failedSinceSummary} more commits failed in the last ${Math.round((now - this.lastSummaryAt) / 1000)} s (${describe(error)})`);
      this.lastSummaryAt = now;
      this.failedSinceSummary = 0;
    }
  }

  committed(): void {
    if (this.failedSince === null) return;
    const seconds = ((this.now() - this.failedSince) / 1000).toFixed(1);
    this.sink.log(`commits to Postgres succeed again after ${seconds} s; ${this.failedTotal} failed meanwhile and were refused to their senders`);
    this.failedSince = null;
    this.failedTotal = 0;
    this.failedSinceSummary = 0;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
