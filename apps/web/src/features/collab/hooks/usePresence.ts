/** Who is in a workspace right now, and where; null while unknown (offline, or not yet answered). */
import type { PresenceEntry } from '@marginalia/shared';
import { useCallback, useSyncExternalStore } from 'react';
import { useWorkspaceSubscription } from '../../../lib/collab';

export function usePresence(workspaceId: string): PresenceEntry[] | null {
  const subscription = useWorkspaceSubscription(workspaceId);
  const subscribe = useCallback((onChange: () => void) => subscription?.onPresence(onChange) ?? (() => undefined), [subscription]);
  const presence = useSyncExternalStore(subscribe, () => subscription?.getPresence() ?? null);
  return presence?.users ?? null;
}
