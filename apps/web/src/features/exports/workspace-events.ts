import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { exportKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'exports',
  events: ['exports.changed'],
  queries: (workspaceId) => [{ queryKey: exportKeys.jobs(workspaceId) }],
});
