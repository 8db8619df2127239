/** Tells the workspace where this person is (the page's path), for everyone's presence list. */
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useWorkspaceSubscription } from '../../../lib/collab';

export function useReportLocation(workspaceId: string): void {
  const subscription = useWorkspaceSubscription(workspaceId);
  const { pathname } = useLocation();
  useEffect(() => {
    subscription?.setLocation(pathname);
  }, [subscription, pathname]);
}
