/** A set of callbacks for one kind of notification; adding returns the function that removes it. */
export type Unsubscribe = () => void;

export class Listeners<T> {
  private readonly callbacks = new Set<(value: T) => void>();

  add(callback: (value: T) => void): Unsubscribe {
    this.callbacks.add(callback);
    return () => {
      this.callbacks.delete(callback);
    };
  }

  emit(value: T): void {
    // A copy: a callback may unsubscribe itself (or others) while we iterate.
    for (const callback of [...this.callbacks]) callback(value);
  }

  clear(): void {
    this.callbacks.clear();
  }

  get size(): number {
    return this.callbacks.size;
  }
}
