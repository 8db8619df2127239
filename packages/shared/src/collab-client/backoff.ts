/**
 * How long to wait before reconnection attempt number `attempt` (0 for the first retry):
 * exponential growth up to a cap, with random jitter so that clients dropped together by a
 * restarting server do not all come back in the same millisecond.
 */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  initialMs: number;
  /** Longest delay, before jitter. */
  maxMs: number;
  /** Share of the delay (0..1) that is random: 0.5 waits between 50% and 100% of it. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, jitter: 0.5 };

export function reconnectDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt));
  return Math.round(exponential * (1 - options.jitter * random()));
}
