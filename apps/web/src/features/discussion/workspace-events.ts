/**
 * Live discussion: any thread change refreshes the workspace's thread lists and open threads
 * (including the ones that feed reader margins and map badges). Notification events name the
 * members whose inbox changed; the inbox is cached under its owner's id, so only the named
 * people refetch. Catching up after a reconnection refreshes all inboxes held.
 */
import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { discussionKeys, notificationKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'discussion',
  // Deleting a document, tag or annotation orphans threads and changes their labels.
  events: ['discussion.changed', 'notifications.changed', 'documents.changed', 'annotations.changed', 'codebook.changed', 'maps.changed'],
  queries: (workspaceId, event) => {
    if (!event) return [{ queryKey: discussionKeys.all(workspaceId) }, { queryKey: notificationKeys.all }];
    if (event.type === 'notifications.changed') return event.ids.map((userId) => ({ queryKey: notificationKeys.mine(userId) }));
    return [{ queryKey: discussionKeys.all(workspaceId) }];
  },
});
