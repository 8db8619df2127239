import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { importKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'imports',
  events: ['imports.changed'],
  queries: (workspaceId) => [{ queryKey: importKeys.all(workspaceId) }],
});
