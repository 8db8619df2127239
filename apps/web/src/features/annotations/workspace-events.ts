import { registerWorkspaceEventQueries } from '../../lib/workspace-events';
import { annotationKeys } from './api';

registerWorkspaceEventQueries({
  feature: 'annotations',
  // A tag merged or deleted changes annotations; a reveal changes which ones each member gets;
  // a deleted document takes its annotations with it.
  events: ['annotations.changed', 'codebook.changed', 'documents.changed'],
  queries: (workspaceId) => [{ queryKey: annotationKeys.all(workspaceId) }],
});
