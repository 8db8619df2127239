import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { codebookKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'codebook',
  events: ['codebook.changed'],
  queries: (workspaceId) => [{ queryKey: codebookKeys.all(workspaceId) }],
});
