/**
 * Live news of a workspace (events and presence) while the calling component is mounted.
 * Subscriptions are shared: several components watching one workspace use one subscription.
 */
import type { WorkspaceSubscription } from '@marginalia/shared/collab-client';
import { useEffect, useState } from 'react';
import { useCollabClient } from './CollabProvider';

export function useWorkspaceSubscription(workspaceId: string): WorkspaceSubscription | null {
  const client = useCollabClient();
  const [subscription, setSubscription] = useState<WorkspaceSubscription | null>(null);
  useEffect(() => {
    const handle = client.subscribeWorkspace(workspaceId);
    // The subscription is the external system this effect opens: stored once it exists.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSubscription(handle.subscription);
    return () => {
      handle.release();
      setSubscription(null);
    };
  }, [client, workspaceId]);
  return subscription;
}
