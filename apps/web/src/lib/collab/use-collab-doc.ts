/**
 * A shared Yjs document for as long as the calling component is mounted. Components that open
 * the same name share one Y.Doc; the last one to let go leaves the document (once its edits are
 * stored). `doc` and `awareness` are null until the document is opened.
 */
import type { DocHandle, DocSessionSnapshot } from '@marginalia/shared/collab-client';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useCollabClient } from './CollabProvider';

export interface CollabDoc extends DocSessionSnapshot {
  doc: Y.Doc | null;
  awareness: Awareness | null;
  /** After a refusal (`denied`): asks to join again, say once access was given back. */
  retryJoin: () => void;
}

const NOT_OPEN: DocSessionSnapshot = { status: 'offline', synced: false, loaded: false, readOnly: true, pendingUpdates: 0, unsavedKeptOffline: false, error: null };

export function useCollabDoc(docName: string | null): CollabDoc {
  const client = useCollabClient();
  const [handle, setHandle] = useState<DocHandle | null>(null);

  useEffect(() => {
    if (docName === null) return;
    const opened = client.openDoc(docName);
    // The handle is the external system this effect opens: it can only be stored once opened.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHandle(opened);
    return () => {
      opened.release();
      setHandle(null);
    };
  }, [client, docName]);

  const session = handle?.session ?? null;
  const subscribe = useCallback((onChange: () => void) => session?.onChange(onChange) ?? (() => undefined), [session]);
  const snapshot = useSyncExternalStore(subscribe, () => session?.getSnapshot() ?? NOT_OPEN);
  const retryJoin = useCallback(() => session?.retryJoin(), [session]);
  return { ...snapshot, doc: session?.doc ?? null, awareness: session?.awareness ?? null, retryJoin };
}
