/** Where a thread's anchor lives in the app, and how to name its kind, for links and filters. */
import type { ThreadAnchor, ThreadAnchorKind } from '@marginalia/shared';
import { documentPath } from '../../lib/reader-links';

export const ANCHOR_KIND_LABELS: Record<ThreadAnchorKind, string> = {
  text: 'Passage',
  annotation: 'Tagging',
  tag: 'Tag',
  'map-node': 'Map node',
  'map-edge': 'Map link',
  'ach-cell': 'ACH cell',
  document: 'Document',
  workspace: 'Workspace',
};

export function discussionPath(workspaceId: string, threadId?: string): string {
  return `/w/${workspaceId}/discussion${threadId === undefined ? '' : `?thread=${encodeURIComponent(threadId)}`}`;
}

/** The place the anchor points at, or null when it has none of its own (the workspace). */
export function anchorPath(workspaceId: string, anchor: ThreadAnchor): string | null {
  switch (anchor.kind) {
    case 'text':
    case 'annotation':
      if (anchor.documentId === null) return null;
      return anchor.start !== null && anchor.end !== null ? documentPath(workspaceId, anchor.documentId, { span: { start: anchor.start, end: anchor.end } }) : documentPath(workspaceId, anchor.documentId);
    case 'document':
      return anchor.documentId === null ? null : documentPath(workspaceId, anchor.documentId);
    case 'tag':
      return `/w/${workspaceId}/codebook?view=segments`;
    case 'map-node':
      // The map page selects and shows the node named by ?node=.
      return anchor.mapId === null ? null : `/w/${workspaceId}/maps/${anchor.mapId}${anchor.elementId === null ? '' : `?node=${encodeURIComponent(anchor.elementId)}`}`;
    case 'map-edge':
    case 'ach-cell':
      return anchor.mapId === null ? null : `/w/${workspaceId}/maps/${anchor.mapId}`;
    case 'workspace':
      return null;
  }
}
