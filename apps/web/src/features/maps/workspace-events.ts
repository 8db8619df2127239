import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { mapKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'maps',
  // One event for the list, titles, archiving, deletion and the citations projection.
  events: ['maps.changed'],
  queries: (workspaceId) => [{ queryKey: mapKeys.all(workspaceId) }],
});
