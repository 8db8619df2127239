/**
 * Group commit: items added while a write is in flight (or within the same turn of the event
 * loop) are written together by the next call to `write`, so throughput does not pay one
 * database round trip per item. Each `add` resolves only once its own batch has committed,
 * and rejects if that batch failed; nothing is acknowledged early.
 *
 * An item may be withdrawn while it waits: `isWithdrawn` is asked just before its batch is
 * written, and a withdrawn item is rejected with `Withdrawn` instead of written. The collab
 * registry uses it so that nothing newer of a document commits after one of its updates failed
 * to (see DocumentRegistry.storageFailed).
 */
export class Withdrawn extends Error {}

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  private queue: Pending<T>[] = [];
  private writing: Promise<void> | null = null;
  private scheduled = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxBatch = 2000,
    private readonly isWithdrawn: (item: T) => boolean = () => false,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything added before this call has been written (or failed). */
  async drained(): Promise<void> {
    while (this.queue.length > 0 || this.writing || this.scheduled) {
      await (this.writing ?? new Promise<void>((resolve) => setImmediate(resolve)));
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    // setImmediate lets every frame already read from the sockets join this batch.
    setImmediate(() => {
      this.scheduled = false;
      this.writing = this.writeQueued().finally(() => {
        this.writing = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async writeQueued(): Promise<void> {
    const batch: Pending<T>[] = [];
    for (const pending of this.queue.splice(0, this.maxBatch)) {
      if (this.isWithdrawn(pending.item)) pending.reject(new Withdrawn('withdrawn before it was written'));
      else batch.push(pending);
    }
    if (batch.length === 0) return;
    try {
      await this.write(batch.map((pending) => pending.item));
      for (const pending of batch) pending.resolve();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
