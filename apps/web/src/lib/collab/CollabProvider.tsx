/**
 * One real-time client (one socket) for the signed-in person, shared by every screen below,
 * with the person's offline outbox (unsaved edits in IndexedDB).
 * Mount it keyed by the user id, so a different person gets a different connection. The effect
 * only connects and disconnects (both reversible), so StrictMode's mount-unmount-mount does not
 * tear down documents the screens below have just opened.
 */
import { CollabClient } from '@marginalia/shared/collab-client';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { IndexedDbOutbox, offlineOutboxName } from './indexeddb-outbox';

const CollabClientContext = createContext<CollabClient | null>(null);

export function CollabProvider({ userId, children }: { userId: string; children: ReactNode }) {
  // Unsaved edits are kept in IndexedDB too, so they survive a closed tab while offline.
  const [client] = useState(() => new CollabClient(typeof indexedDB === 'undefined' ? {} : { outbox: new IndexedDbOutbox(offlineOutboxName(userId)) }));
  useEffect(() => {
    client.connect();
    return () => {
      client.disconnect();
    };
  }, [client]);
  return <CollabClientContext.Provider value={client}>{children}</CollabClientContext.Provider>;
}

/** The client, or null outside the workspace screens (where no connection is open). */
export function useOptionalCollabClient(): CollabClient | null {
  return useContext(CollabClientContext);
}

export function useCollabClient(): CollabClient {
  const client = useContext(CollabClientContext);
  if (!client) throw new Error('useCollabClient must be used inside <CollabProvider>');
  return client;
}
