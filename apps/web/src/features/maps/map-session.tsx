/**
 * The open map, shared with every view of it: the canvas here and the comparison views
 * (features/map-views). The map page provides it once the map's Yjs document is loaded;
 * views read the document through `useMapSnapshot()` (a plain MapSnapshot, re-read on every
 * change) and write through the map-edits functions of @marginalia/shared with `userId`.
 */
import type { ArgumentMap, MapSnapshot } from '@marginalia/shared';
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { mapSnapshotStore } from './map-snapshot-store';

export interface MapSession {
  /** The map's REST record (title, docName, counts). */
  map: ArgumentMap;
  workspaceId: string;
  doc: Y.Doc;
  awareness: Awareness;
  /** The signed-in member: the only id map-edits may be called with. */
  userId: string;
  /** Viewers and commenters, or a map the server says they cannot write: no edit controls. */
  readOnly: boolean;
}

const MapSessionContext = createContext<MapSession | null>(null);

export function MapSessionProvider({ session, children }: { session: MapSession; children: ReactNode }) {
  return <MapSessionContext.Provider value={session}>{children}</MapSessionContext.Provider>;
}

export function useMapSession(): MapSession {
  const session = useContext(MapSessionContext);
  if (!session) throw new Error('useMapSession must be used inside the map page');
  return session;
}

/**
 * The document's current content as a plain snapshot, re-read after each change (local or
 * remote). Unchanged nodes and edges keep their objects from one snapshot to the next.
 */
export function useDocSnapshot(doc: Y.Doc): MapSnapshot {
  const store = mapSnapshotStore(doc);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The open map's content, kept current: `readMap(doc)` re-rendered on every change. */
export function useMapSnapshot(): MapSnapshot {
  return useDocSnapshot(useMapSession().doc);
}
