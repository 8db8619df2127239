/**
 * Maps on the reader, as a reader layer: passages cited by a map underlined and, beside them,
 * "cited in map X" with a link to the node (from the citations projected after each change);
 * "Add to map…" (key m) turns selected text into an evidence node on a chosen map.
 */
import type { ArgumentMap } from '@marginalia/shared';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useToast } from '../../ui';
import { useDocumentAnnotations } from '../annotations';
import type { LayerHighlight, MarginItem, ReaderLayer, ReaderLayerContext, ReaderLayerOutput, SelectionAction } from '../corpus';
import { useWorkspacePermission } from '../workspaces';
import type { DraggedAnchor } from './canvas/anchor-transfer';
import { AddToMapDialog } from './evidence/AddToMapDialog';
import { prefetchDocumentCitations, useDocumentCitations } from './hooks/useMaps';

export const mapCitationsLayer: ReaderLayer = { id: 'map-citations', useLayer: useMapCitationsLayer, prefetch: prefetchDocumentCitations };

export const mapNodePath = (workspaceId: string, mapId: string, nodeId: string) => `/w/${workspaceId}/maps/${mapId}?node=${encodeURIComponent(nodeId)}`;

function useMapCitationsLayer({ workspaceId, document }: ReaderLayerContext): ReaderLayerOutput {
  const citations = useDocumentCitations(workspaceId, document.id);
  const annotations = useDocumentAnnotations(document.id);
  const canEditMaps = useWorkspacePermission('maps.edit');
  const { showToast } = useToast();
  const [adding, setAdding] = useState<DraggedAnchor | null>(null);

  const highlights = useMemo(
    () => (citations.data ?? []).map((citation): LayerHighlight => ({ start: citation.start, end: citation.end, paint: 'reader-map-citation' })),
    [citations.data],
  );

  const marginItems = useMemo(
    () =>
      (citations.data ?? []).map(
        (citation): MarginItem => ({
          key: `map-citation:${citation.mapId}:${citation.nodeId}:${citation.linkId}`,
          start: citation.start,
          end: citation.end,
          render: (focusable) => (
            <span className="passage__map-citation">
              Cited in map{' '}
              <Link to={mapNodePath(workspaceId, citation.mapId, citation.nodeId)} tabIndex={focusable ? 0 : -1} title={citation.nodeText}>
                {citation.mapTitle}
              </Link>
            </span>
          ),
        }),
      ),
    [citations.data, workspaceId],
  );

  const selectionActions = useMemo((): SelectionAction[] => {
    if (!canEditMaps) return [];
    return [
      {
        id: 'add-to-map',
        label: 'Add to map…',
        shortcut: 'm',
        run: (span) => {
          // A selection that is exactly an annotation's span cites the annotation too.
          const annotation = annotations.data?.annotations.find((candidate) => candidate.start === span.start && candidate.end === span.end);
          setAdding({ documentId: document.id, start: span.start, end: span.end, exact: span.quote, ...(annotation ? { annotationId: annotation.id } : {}) });
        },
      },
    ];
  }, [canEditMaps, annotations.data, document.id]);

  const overlay = (
    <AddToMapDialog
      workspaceId={workspaceId}
      anchor={adding}
      onClose={() => setAdding(null)}
      onAdded={(map: ArgumentMap) => {
        // Staying in the reader: evidence is usually gathered several passages at a time.
        setAdding(null);
        window.getSelection()?.removeAllRanges();
        showToast(`Evidence added to “${map.title}”.`);
      }}
    />
  );

  return { highlights, marginItems, selectionActions, overlay, pending: citations.isPending };
}
