/**
 * Thread badges for a map's parts without a query per part: the map's screen provides the index
 * of its threads once (MapThreadsProvider), and each node or cell reads its own entry
 * (useMapPartThreads) and shows it with ThreadCountMark. The mark is not a control (a grid cell
 * is already one): the part's accessible name says the count, and the part's details offer
 * AnchorDiscussionButton.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { formatCount } from '../../../lib/format';
import { cx } from '../../../ui';
import { useMapThreads } from '../hooks/useMapThreads';
import { mapAnchorKey, type AnchorThreads, type MapAnchorInput } from '../map-anchors';
import { CommentIcon } from './Icons';

const MapThreadsContext = createContext<ReadonlyMap<string, AnchorThreads>>(new Map());

export function MapThreadsProvider({ workspaceId, mapId, children }: { workspaceId: string; mapId: string; children: ReactNode }) {
  const index = useMapThreads(workspaceId, mapId);
  return <MapThreadsContext.Provider value={index}>{children}</MapThreadsContext.Provider>;
}

/** The threads about one part of the map; `mapId` is not needed, the provider has one map. */
export function useMapPartThreads(anchor: DistributiveOmit<MapAnchorInput, 'mapId'>): AnchorThreads | undefined {
  const index = useContext(MapThreadsContext);
  return index.get(mapAnchorKey({ ...anchor, mapId: '' } as MapAnchorInput) ?? '');
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
