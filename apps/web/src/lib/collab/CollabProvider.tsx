/**
 * One real-time client (one socket) for the signed-in person, shared by every screen below.
 * Mount it keyed by the user id, so a different person gets a different connection. The effect
 * only connects and disconnects (both reversible), so StrictMode's mount-unmount-mount does not
 * tear down documents the screens below have just opened.
 */
import { CollabClient } from '@marginalia/shared/collab-client';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

const CollabClientContext = createContext<CollabClient | null>(null);

export function CollabProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new CollabClient());
  useEffect(() => {
    client.connect();
    return () => {
      client.disconnect();
    };
  }, [client]);
  return <CollabClientContext.Provider value={client}>{children}</CollabClientContext.Provider>;
}

export function useCollabClient(): CollabClient {
  const client = useContext(CollabClientContext);
  if (!client) throw new Error('useCollabClient must be used inside <CollabProvider>');
  return client;
}
