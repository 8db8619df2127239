/**
 * Thread badges for a map's parts without a query per part: the map's screen provides the index
 * of its threads once (MapThreadsProvider), and each node or cell reads its own entry
 * (useMapPartThreads) and shows it with ThreadCountMark. The mark is not a control (a grid cell
 * is already one): the part's accessible name says the count, and the part's details offer
 * AnchorDiscussionButton.
 */
import { createContext, useContext, useLayoutEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { formatCount } from '../../../lib/format';
import { cx } from '../../../ui';
import { useMapThreads } from '../hooks/useMapThreads';
import { mapAnchorKey, type AnchorThreads, type MapAnchorInput } from '../map-anchors';
import { CommentIcon } from './Icons';

/**
 * The index as a store each part subscribes to for its own entry, not as a context value: a new
 * index (threads load after the map has drawn) then re-renders the parts whose threads changed,
 * not all thousand nodes of a large map.
 */
class ThreadIndexStore {
  private readonly listeners = new Set<() => void>();

  constructor(private index: ReadonlyMap<string, AnchorThreads> = new Map()) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(key: string | null): AnchorThreads | undefined {
    return key === null ? undefined : this.index.get(key);
  }

  set(index: ReadonlyMap<string, AnchorThreads>): void {
    if (index === this.index) return;
    this.index = index;
    for (const listener of this.listeners) listener();
  }
}

const MapThreadsContext = createContext<ThreadIndexStore>(new ThreadIndexStore());

export function MapThreadsProvider({ workspaceId, mapId, children }: { workspaceId: string; mapId: string; children: ReactNode }) {
  const index = useMapThreads(workspaceId, mapId);
  const [store] = useState(() => new ThreadIndexStore(index));
  useLayoutEffect(() => store.set(index), [store, index]);
  return <MapThreadsContext.Provider value={store}>{children}</MapThreadsContext.Provider>;
}

/** The threads about one part of the map; `mapId` is not needed, the provider has one map. */
export function useMapPartThreads(anchor: DistributiveOmit<MapAnchorInput, 'mapId'>): AnchorThreads | undefined {
  const store = useContext(MapThreadsContext);
  const key = mapAnchorKey({ ...anchor, mapId: '' } as MapAnchorInput);
  return useSyncExternalStore(store.subscribe, () => store.get(key));
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** "2 open threads, 1 unread", for a part's accessible name; empty when nothing is discussed. */
export function describeThreads(threads: AnchorThreads | undefined): string {
  if (!threads || threads.threads.length === 0) return '';
  const open = threads.open > 0 ? formatCount(threads.open, 'open thread') : formatCount(threads.threads.length, 'resolved thread');
  return threads.unread > 0 ? `${open}, ${String(threads.unread)} unread` : open;
}

export function ThreadCountMark({ threads, className }: { threads: AnchorThreads | undefined; className?: string }) {
  if (!threads || threads.threads.length === 0) return null;
  return (
    <span className={cx('thread-mark', threads.open > 0 && 'thread-mark--open', threads.unread > 0 && 'thread-mark--unread', className)} aria-hidden="true" title={describeThreads(threads)}>
      <CommentIcon />
      {threads.open > 0 ? threads.open : '✓'}
    </span>
  );
}
