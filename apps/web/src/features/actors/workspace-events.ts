import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { actorKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'actors',
  // Deleting a document changes actors' attribution counts.
  events: ['actors.changed', 'attributions.changed', 'documents.changed'],
  queries: (workspaceId) => [{ queryKey: actorKeys.all(workspaceId) }],
});
