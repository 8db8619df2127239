/** The workspace itself (name, my role, counts) refreshes when it or its membership changes. */
import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { workspaceKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'workspaces',
  events: ['workspace.updated', 'workspace.deleted', 'members.changed'],
  // Exact: not everything nested under the workspace's key.
  queries: (workspaceId) => [{ queryKey: workspaceKeys.detail(workspaceId), exact: true }, { queryKey: workspaceKeys.list() }],
});
