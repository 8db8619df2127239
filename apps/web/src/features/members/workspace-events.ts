import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { memberKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'members',
  events: ['members.changed'],
  queries: (workspaceId) => [{ queryKey: memberKeys.members(workspaceId) }, { queryKey: memberKeys.invites(workspaceId) }],
});
