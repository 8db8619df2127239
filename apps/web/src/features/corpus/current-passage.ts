/**
 * The passage being read, outside React state: j/k, the outline, deep links and scrolling
 * all change it many times a second in a long document, and only the few things that show it
 * (the outline's mark, the passage in the tab order, the header's copy-link button) subscribe,
 * so a change re-renders those and never the whole reader.
 */
import { useCallback, useSyncExternalStore } from 'react';

export class CurrentPassage {
  private index = 0;
  /** A passage to focus as soon as it is rendered (the list is virtual: it may not be yet). */
  pendingFocus: number | null = null;
  private readonly listeners = new Set<() => void>();

  get(): number {
    return this.index;
  }

  set(index: number): void {
    if (index === this.index) return;
    this.index = index;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

export function useCurrentPassage(store: CurrentPassage): number {
  return useSyncExternalStore(store.subscribe, () => store.get());
}

/** True for one passage only: a row re-renders when it becomes, or stops being, current. */
export function useIsCurrentPassage(store: CurrentPassage, index: number): boolean {
  const isCurrent = useCallback(() => store.get() === index, [store, index]);
  return useSyncExternalStore(store.subscribe, isCurrent);
}
