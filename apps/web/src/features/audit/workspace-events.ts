import { WORKSPACE_EVENT_TYPES } from '@marginalia/shared';
import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { auditKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'audit',
  // Every audited change arrives as one of these events.
  events: WORKSPACE_EVENT_TYPES,
  queries: (workspaceId) => [{ queryKey: auditKeys.log(workspaceId) }],
});
