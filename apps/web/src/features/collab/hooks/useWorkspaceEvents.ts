/**
 * Keeps every open screen of a workspace current without polling: each event from the server
 * invalidates the queries the features registered for it (lib/workspace-events), and active
 * ones refetch at once. After a reconnection, once the server has confirmed the subscription
 * again, every registered query is refreshed: events sent while the socket was down are lost.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useWorkspaceSubscription } from '../../../lib/collab';
import { queriesMadeStaleBy, queriesToCatchUp } from '../../../lib/workspace-events';
import { workspaceKeys } from '../../workspaces';

export function useWorkspaceEvents(workspaceId: string): void {
  const queryClient = useQueryClient();
  const subscription = useWorkspaceSubscription(workspaceId);

  useEffect(() => {
    if (!subscription) return;
    const stopEvents = subscription.onEvent((event) => {
      for (const filters of queriesMadeStaleBy(event)) void queryClient.invalidateQueries(filters);
    });
    const stopCatchUp = subscription.onSubscribed(({ again }) => {
      if (!again) return;
      for (const filters of queriesToCatchUp(workspaceId)) void queryClient.invalidateQueries(filters);
    });
    // Membership ended: refetching the workspace answers 404, and the shell says so.
    const stopEnd = subscription.onUnsubscribed(() => {
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(workspaceId), exact: true });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    });
    return () => {
      stopEvents();
      stopCatchUp();
      stopEnd();
    };
  }, [subscription, queryClient, workspaceId]);
}
