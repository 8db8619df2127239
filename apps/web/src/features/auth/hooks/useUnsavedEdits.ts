/**
 * Before a logout: how many documents hold edits the server has not stored yet. A logout
 * deletes the person's offline outbox (the computer may be shared), so those edits would be
 * lost: edits of this tab still in flight, and those a tab closed while offline left behind.
 */
import { useCallback } from 'react';
import { documentsInOfflineOutbox, offlineOutboxName, useOptionalCollabClient } from '../../../lib/collab';

export function useUnsavedEditsCheck(userId: string): () => Promise<number> {
  const client = useOptionalCollabClient();
  return useCallback(async () => {
    const documents = await documentsInOfflineOutbox(offlineOutboxName(userId));
    // This tab's newest edits may not have reached IndexedDB yet; they are at least one document.
    const pendingHere = (client?.getStatus().pendingUpdates ?? 0) > 0;
    return Math.max(documents.length, pendingHere ? 1 : 0);
  }, [client, userId]);
}

/** What a logout would lose, in words: "One document has" / "3 documents have" … */
export function unsavedEditsWarning(documents: number): string {
  return `${documents === 1 ? 'One document has' : `${documents} documents have`} edits that have not reached the server yet. Logging out deletes them from this computer.`;
}
