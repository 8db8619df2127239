/**
 * Keeps every open screen of a workspace current without polling: each event from the server
 * invalidates the queries it makes stale, and active ones refetch at once.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useWorkspaceSubscription } from '../../../lib/collab';
import { workspaceKeys } from '../../workspaces';
import { queriesMadeStaleBy } from '../workspace-event-queries';

export function useWorkspaceEvents(workspaceId: string): void {
  const queryClient = useQueryClient();
  const subscription = useWorkspaceSubscription(workspaceId);

  useEffect(() => {
    if (!subscription) return;
    const stopEvents = subscription.onEvent((event) => {
      for (const filters of queriesMadeStaleBy(event)) void queryClient.invalidateQueries(filters);
    });
    // Membership ended: refetching the workspace answers 404, and the shell says so.
    const stopEnd = subscription.onUnsubscribed(() => {
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(workspaceId), exact: true });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    });
    return () => {
      stopEvents();
      stopEnd();
    };
  }, [subscription, queryClient, workspaceId]);
}
