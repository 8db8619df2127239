import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { searchKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'search',
  // New, edited or deleted documents change the hits.
  events: ['documents.changed', 'imports.changed'],
  queries: (workspaceId) => [{ queryKey: searchKeys.all(workspaceId) }],
});
