/** The real-time connection as a person sees it: online or not, and how much is still unsaved. */
import type { CollabStatus } from '@marginalia/shared/collab-client';
import { useCallback, useSyncExternalStore } from 'react';
import { useCollabClient } from './CollabProvider';

export interface CollabConnection extends CollabStatus {
  retryNow: () => void;
}

export function useCollabConnection(): CollabConnection {
  const client = useCollabClient();
  const subscribe = useCallback((onChange: () => void) => client.onStatus(onChange), [client]);
  const status = useSyncExternalStore(subscribe, () => client.getStatus());
  return { ...status, retryNow: () => client.retryNow() };
}
