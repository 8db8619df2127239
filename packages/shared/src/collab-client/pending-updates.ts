/**
 * Local document updates the server has not yet confirmed as durably stored. Counts are in
 * local transactions (roughly: keystrokes), which is what "3 unsaved changes" means to a person.
 *
 * Unsent updates are merged into one as they arrive, so a long offline session costs one
 * update's worth of memory, not one per keystroke. A batch in flight either settles (saved),
 * is dropped (refused for good), or returns to the unsent pile (connection lost, retryable
 * error) to travel again with the next flush or the sync step 2 after a reconnection.
 */
import * as Y from 'yjs';

interface Batch {
  update: Uint8Array | null;
  count: number;
}

export class PendingUpdates {
  private unsent: Batch = { update: null, count: 0 };
  private readonly inflight = new Map<number, Batch>();
  private nextTicket = 1;

  get total(): number {
    let total = this.unsent.count;
    for (const batch of this.inflight.values()) total += batch.count;
    return total;
  }

  get hasUnsent(): boolean {
    return this.unsent.count > 0;
  }

  record(update: Uint8Array): void {
    this.unsent = { update: merge(this.unsent.update, update), count: this.unsent.count + 1 };
  }

  /** Moves every unsent update into a batch in flight; returns its ticket and merged bytes. */
  take(): { ticket: number; update: Uint8Array | null } {
    const ticket = this.nextTicket++;
    this.inflight.set(ticket, this.unsent);
    const { update } = this.unsent;
    this.unsent = { update: null, count: 0 };
    return { ticket, update };
  }

  /** The server stored the batch. */
  settle(ticket: number): void {
    this.inflight.delete(ticket);
  }

  /** The batch must travel again. */
  requeue(ticket: number): void {
    const batch = this.inflight.get(ticket);
    if (!batch) return;
    this.inflight.delete(ticket);
    this.unsent = { update: merge(this.unsent.update, batch.update), count: this.unsent.count + batch.count };
  }

  requeueAll(): void {
    for (const ticket of [...this.inflight.keys()]) this.requeue(ticket);
  }

  /** Everything not yet confirmed, in flight or not, merged (null if nothing). */
  unsaved(): Uint8Array | null {
    let update = this.unsent.update;
    for (const batch of this.inflight.values()) update = merge(update, batch.update);
    return update;
  }

  /** Refused for good (e.g. read-only): nothing will store these updates. */
  dropAll(): void {
    this.inflight.clear();
    this.unsent = { update: null, count: 0 };
  }
}

function merge(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (a === null) return b;
  if (b === null) return a;
  return Y.mergeUpdates([a, b]);
}
