/**
 * Attributions on the reader, as a reader layer: quoted sentences underlined, each attribution
 * listed beside the passage it starts in (with a remove button for editors), and "Attribute to
 * actor…" (key a) for selected text. The reader knows none of this by name.
 */
import type { Attribution } from '@marginalia/shared';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../lib/api-client';
import { useStableCallback } from '../../lib/use-stable-callback';
import { useToast } from '../../ui';
import { firstWords, passageIndexAt, type LayerHighlight, type MarginItem, type ReaderLayer, type ReaderLayerContext, type ReaderLayerOutput, type SelectionAction } from '../corpus';
import { AttributeDialog, type SpanToAttribute } from './components/AttributeDialog';
import { useActors, useAttributions, useDeleteAttribution } from './hooks/useActors';

export const attributionsLayer: ReaderLayer = { id: 'attributions', useLayer: useAttributionsLayer };

function useAttributionsLayer({ workspaceId, document, map, canEdit }: ReaderLayerContext): ReaderLayerOutput {
  const attributions = useAttributions(workspaceId, document.id);
  const actors = useActors(workspaceId);
  const deleteAttribution = useDeleteAttribution(workspaceId);
  const { showToast } = useToast();
  const [attributing, setAttributing] = useState<SpanToAttribute | null>(null);

  const remove = useStableCallback((attributionId: string, actorName: string) => {
    deleteAttribution.mutate(attributionId, {
      onSuccess: () => {
        showToast(`Attribution to ${actorName} removed.`);
      },
      onError: (error) => {
        showToast(`Could not remove the attribution: ${errorMessage(error)}`, 'danger');
      },
    });
  });

  const highlights = useMemo(
    () => (attributions.data ?? []).map((attribution): LayerHighlight => ({ start: attribution.start, end: attribution.end, paint: 'reader-attribution' })),
    [attributions.data],
  );

  const marginItems = useMemo(() => {
    const names = new Map((actors.data ?? []).map((actor) => [actor.id, actor.name]));
    const passages = document.passages;
    // Two attributions to one actor in one passage are told apart by the words they cover.
    const byPassageAndActor = new Map<string, number>();
    const keyOf = (attribution: Attribution) => `${String(passageIndexAt(passages, attribution.start))}:${attribution.actorId}`;
    for (const attribution of attributions.data ?? []) byPassageAndActor.set(keyOf(attribution), (byPassageAndActor.get(keyOf(attribution)) ?? 0) + 1);
    return (attributions.data ?? []).map((attribution): MarginItem => {
      const actorName = names.get(attribution.actorId) ?? 'Unknown actor';
      const index = passageIndexAt(passages, attribution.start);
      const quote = firstWords(map, { index, start: attribution.start, end: attribution.end }, 36);
      const ambiguous = (byPassageAndActor.get(keyOf(attribution)) ?? 0) > 1;
      return {
        key: `attribution:${attribution.id}`,
        start: attribution.start,
        end: attribution.end,
        render: (focusable) => (
          <span className="passage__actor" title={`${actorName}: “${quote}”`}>
            <span>
              {actorName}
              {ambiguous ? <span className="passage__actor-quote">, on “{quote}”</span> : <span className="visually-hidden">, on “{quote}”</span>}
            </span>
            {canEdit && (
              <button
                type="button"
                className="icon-button"
                tabIndex={focusable ? 0 : -1}
                aria-label={`Remove attribution to ${actorName} of “${quote}”`}
                onClick={() => {
                  remove(attribution.id, actorName);
                }}
              >
                ×
              </button>
            )}
          </span>
        ),
      };
    });
  }, [attributions.data, actors.data, document.passages, map, canEdit, remove]);

  const selectionActions = useMemo(
    (): SelectionAction[] => (canEdit ? [{ id: 'attribute', label: 'Attribute to actor…', shortcut: 'a', run: (span) => setAttributing({ start: span.start, end: span.end, quote: span.quote }) }] : []),
    [canEdit],
  );

  const overlay = (
    <AttributeDialog
      workspaceId={workspaceId}
      documentId={document.id}
      span={attributing}
      onClose={() => {
        // Back to the passage the text was selected in, so j/k continue from there; after the
        // frame in which the closing <dialog> hands focus back to its (gone) opener.
        const passageId = attributing ? `p-${String(passageIndexAt(document.passages, attributing.start) + 1)}` : null;
        if (passageId) window.requestAnimationFrame(() => window.document.getElementById(passageId)?.focus({ preventScroll: true }));
        setAttributing(null);
        window.getSelection()?.removeAllRanges();
      }}
    />
  );

  return { highlights, marginItems, selectionActions, overlay, pending: attributions.isPending || actors.isPending };
}
