import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { documentKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'documents',
  events: ['documents.changed', 'imports.changed'],
  // A finished import adds documents to the lists; an edit or deletion changes any of them.
  queries: (workspaceId, event) =>
    event?.type === 'imports.changed' ? [{ queryKey: documentKeys.lists(workspaceId) }] : [{ queryKey: documentKeys.all(workspaceId) }],
});
