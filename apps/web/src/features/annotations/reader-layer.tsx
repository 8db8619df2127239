/**
 * Tags on the reader, as a reader layer: every annotation painted in its tags' colours (several
 * tags or analysts on one span stack into a darker wash), listed beside the passage it starts in
 * with its tags, analyst and memo (an accessible list per passage, with edit and delete where
 * allowed), and "Tag…" (key t) for selected text, through the keyboard-driven tag picker.
 * Ctrl+Z (Cmd+Z) undoes the last tagging made here. Blind coding needs nothing here: the API
 * returns only what this analyst may see.
 */
import type { Annotation, Tag } from '@marginalia/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../lib/api-client';
import { isTypingTarget } from '../../lib/use-shortcuts';
import { useStableCallback } from '../../lib/use-stable-callback';
import { Dialog, useToast } from '../../ui';
import { useSignedInUser } from '../auth';
import { TagSwatch, useTags } from '../codebook';
import { firstWords, passageIndexAt, type LayerHighlight, type MarginItem, type ReaderLayer, type ReaderLayerContext, type ReaderLayerOutput, type SelectedSpan, type SelectionAction } from '../corpus';
import { useWorkspacePermission } from '../workspaces';
import { TagPicker } from './components/TagPicker';
import { useCreateAnnotation, useDeleteAnnotation, useDocumentAnnotations, useUpdateAnnotation } from './hooks/useAnnotations';

export const annotationsLayer: ReaderLayer = { id: 'annotations', useLayer: useAnnotationsLayer };

type Editing = { kind: 'new'; span: SelectedSpan } | { kind: 'edit'; annotation: Annotation; quote: string };

function useAnnotationsLayer({ workspaceId, document, map }: ReaderLayerContext): ReaderLayerOutput {
  const annotations = useDocumentAnnotations(document.id);
  const tags = useTags(workspaceId);
  const me = useSignedInUser();
  const canAnnotate = useWorkspacePermission('annotations.create');
  const isAdmin = useWorkspacePermission('codebook.manage');
  const create = useCreateAnnotation(workspaceId);
  const update = useUpdateAnnotation(workspaceId);
  const remove = useDeleteAnnotation(workspaceId);
  const { showToast } = useToast();
  const [editing, setEditing] = useState<Editing | null>(null);
  const lastCreated = useRef<string | null>(null);

  const tagById = useMemo(() => new Map((tags.data ?? []).map((tag) => [tag.id, tag])), [tags.data]);
  const analystName = useMemo(() => new Map((annotations.data?.analysts ?? []).map((analyst) => [analyst.id, analyst.displayName])), [annotations.data]);

  const highlights = useMemo(
    () =>
      (annotations.data?.annotations ?? []).flatMap((annotation) =>
        annotation.tagIds.flatMap((tagId): LayerHighlight[] => {
          const tag = tagById.get(tagId);
          return tag ? [{ start: annotation.start, end: annotation.end, paint: `tag-${tag.color}` }] : [];
        }),
      ),
    [annotations.data, tagById],
  );

  const deleteAnnotation = useStableCallback((annotation: Annotation) => {
    remove.mutate(annotation.id, {
      onSuccess: () => {
        showToast('Tagging removed.');
      },
      onError: (error) => {
        showToast(`Could not remove the tagging: ${errorMessage(error)}`, 'danger');
      },
    });
  });

  const marginItems = useMemo(
    () =>
      (annotations.data?.annotations ?? []).map((annotation): MarginItem => {
        const names = annotation.tagIds.map((id) => tagById.get(id)).filter((tag): tag is Tag => tag !== undefined);
        const index = passageIndexAt(document.passages, annotation.start);
        const quote = firstWords(map, { index, start: annotation.start, end: annotation.end }, 36);
        const analyst = annotation.analystId ? (analystName.get(annotation.analystId) ?? 'a former member') : 'a former member';
        const mine = annotation.analystId === me.id;
        const mayChange = canAnnotate && (mine || isAdmin);
        const label = `${names.map((tag) => tag.name).join(', ')} by ${annotation.kind === 'consensus' ? 'team consensus' : analyst} on “${quote}”`;
        return {
          key: `annotation:${annotation.id}`,
          start: annotation.start,
          end: annotation.end,
          render: (focusable) => (
            <span className="passage__tagging" title={annotation.memo ? `${label}. Memo: ${annotation.memo}` : label}>
              {names.map((tag) => (
                <TagSwatch key={tag.id} color={tag.color} />
              ))}
              <span className="passage__tagging-text">
                {names.map((tag) => tag.name).join(', ')}
                <span className="passage__tagging-by"> · {annotation.kind === 'consensus' ? 'consensus' : mine ? 'you' : analyst}</span>
                <span className="visually-hidden">, on “{quote}”</span>
                {annotation.memo && <span className="passage__tagging-memo">{annotation.memo}</span>}
              </span>
              {mayChange && (
                <>
                  <button
                    type="button"
                    className="icon-button"
                    tabIndex={focusable ? 0 : -1}
                    aria-label={`Change tagging: ${label}`}
                    onClick={() => {
                      setEditing({ kind: 'edit', annotation, quote });
                    }}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    tabIndex={focusable ? 0 : -1}
                    aria-label={`Remove tagging: ${label}`}
                    onClick={() => {
                      deleteAnnotation(annotation);
                    }}
                  >
                    ×
                  </button>
                </>
              )}
            </span>
          ),
        };
      }),
    [annotations.data, tagById, analystName, document.passages, map, me.id, canAnnotate, isAdmin, deleteAnnotation],
  );

  const selectionActions = useMemo(
    (): SelectionAction[] => (canAnnotate ? [{ id: 'tag', label: 'Tag…', shortcut: 't', run: (span) => setEditing({ kind: 'new', span }) }] : []),
    [canAnnotate],
  );

  // Ctrl+Z / Cmd+Z outside text fields: undo the last tagging made in this reader.
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || isTypingTarget(event.target)) return;
      const id = lastCreated.current;
      if (!id) return;
      event.preventDefault();
      lastCreated.current = null;
      remove.mutate(id, {
        onSuccess: () => {
          showToast('Last tagging undone.');
        },
      });
    }
    window.addEventListener('keydown', handleKeyDown);
    return () => {
      window.removeEventListener('keydown', handleKeyDown);
    };
  }, [remove, showToast]);

  function close() {
    const start = editing?.kind === 'new' ? editing.span.start : editing?.annotation.start;
    setEditing(null);
    window.getSelection()?.removeAllRanges();
    // Back to the passage, so j/k and the keyboard selection go on from there.
    if (start !== undefined) {
      const passageId = `p-${String(passageIndexAt(document.passages, start) + 1)}`;
      window.requestAnimationFrame(() => window.document.getElementById(passageId)?.focus({ preventScroll: true }));
    }
  }

  const pending = editing?.kind === 'new' ? create : update;
  const overlay = (
    <Dialog open={editing !== null} onClose={close} title={editing?.kind === 'edit' ? 'Change tagging' : 'Tag the selection'} description={editing && <blockquote className="evidence-quote">{editing.kind === 'new' ? editing.span.quote : editing.quote}</blockquote>}>
      {editing && (
        <TagPicker
          initialTagIds={editing.kind === 'edit' ? editing.annotation.tagIds : []}
          initialMemo={editing.kind === 'edit' ? editing.annotation.memo : null}
          busy={pending.isPending}
          error={pending.error}
          onCancel={close}
          onSubmit={({ tagIds, memo }) => {
            if (editing.kind === 'new') {
              const { span } = editing;
              create.mutate(
                { documentId: document.id, start: span.start, end: span.end, exact: span.quote, tagIds, memo },
                {
                  onSuccess: (created) => {
                    lastCreated.current = created.id;
                    showToast('Tagged. Ctrl+Z undoes it.');
                    close();
                  },
                },
              );
            } else {
              update.mutate({ annotationId: editing.annotation.id, body: { tagIds, memo } }, { onSuccess: close });
            }
          }}
        />
      )}
    </Dialog>
  );

  return { highlights, marginItems, selectionActions, overlay };
}
