/**
 * Tags on the reader, as a reader layer: every annotation painted in its tags' colours (several
 * tags or analysts on one span stack into a darker wash), listed beside the passage it starts in
 * with its tags, analyst and memo (an accessible list per passage, with edit and delete where
 * allowed), and "Tag…" (key t) for selected text, through the keyboard-driven tag picker.
 * Ctrl+Z (Cmd+Z) undoes the last tagging made here. Above the text, a filter (by tag, analyst,
 * mine only; kept in the URL) narrows highlights and margin alike. Blind coding needs nothing here: the API
 * returns only what this analyst may see.
 */
import type { Annotation, Tag } from '@marginalia/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api-client';
import { isTypingTarget } from '../../lib/use-shortcuts';
import { useStableCallback } from '../../lib/use-stable-callback';
import { Dialog, useToast } from '../../ui';
import { useSignedInUser } from '../auth';
import { useTags } from '../codebook';
import { NewThreadDialog, discussionPath } from '../discussion';
import { firstWords, passageIndexAt, type LayerHighlight, type MarginItem, type ReaderLayer, type ReaderLayerContext, type ReaderLayerOutput, type SelectedSpan, type SelectionAction } from '../corpus';
import { useWorkspacePermission } from '../workspaces';
import { acceptedTagIds, annotationMatcher, isFiltering } from './annotation-filter';
import { AnnotationFilterBar } from './components/AnnotationFilterBar';
import { AnnotationMarginItem } from './components/AnnotationMarginItem';
import { TagPicker } from './components/TagPicker';
import { useAnnotationFilter } from './hooks/useAnnotationFilter';
import { prefetchDocumentAnnotations, useCreateAnnotation, useDeleteAnnotation, useDocumentAnnotations, useUpdateAnnotation } from './hooks/useAnnotations';

export const annotationsLayer: ReaderLayer = { id: 'annotations', useLayer: useAnnotationsLayer, prefetch: prefetchDocumentAnnotations };

type Editing = { kind: 'new'; span: SelectedSpan } | { kind: 'edit'; annotation: Annotation; quote: string };

function useAnnotationsLayer({ workspaceId, document, map }: ReaderLayerContext): ReaderLayerOutput {
  const annotations = useDocumentAnnotations(document.id);
  const tags = useTags(workspaceId);
  const me = useSignedInUser();
  const canAnnotate = useWorkspacePermission('annotations.create');
  const isAdmin = useWorkspacePermission('codebook.manage');
  const canComment = useWorkspacePermission('comments.create');
  const navigate = useNavigate();
  const [discussing, setDiscussing] = useState<{ annotationId: string; quote: string } | null>(null);
  const create = useCreateAnnotation(workspaceId);
  const update = useUpdateAnnotation(workspaceId);
  const remove = useDeleteAnnotation(workspaceId);
  const { showToast } = useToast();
  const [editing, setEditing] = useState<Editing | null>(null);
  const lastCreated = useRef<string | null>(null);

  const tagById = useMemo(() => new Map((tags.data ?? []).map((tag) => [tag.id, tag])), [tags.data]);
  const analystName = useMemo(() => new Map((annotations.data?.analysts ?? []).map((analyst) => [analyst.id, analyst.displayName])), [annotations.data]);

  const [filter, changeFilter] = useAnnotationFilter();
  const allAnnotations = useMemo(() => annotations.data?.annotations ?? [], [annotations.data]);
  const shownAnnotations = useMemo(() => {
    if (!isFiltering(filter)) return allAnnotations;
    const shows = annotationMatcher(filter, tags.data ?? [], me.id);
    return allAnnotations.filter(shows);
  }, [allAnnotations, filter, tags.data, me.id]);
  // While filtering by tag, a span is painted in the colours of the tags that matched only.
  const paintedTagIds = useMemo(() => acceptedTagIds(filter, tags.data ?? []), [filter, tags.data]);

  const highlights = useMemo(
    () =>
      shownAnnotations.flatMap((annotation) =>
        annotation.tagIds.flatMap((tagId): LayerHighlight[] => {
          const tag = tagById.get(tagId);
          return tag && (paintedTagIds === null || paintedTagIds.has(tagId)) ? [{ start: annotation.start, end: annotation.end, paint: `tag-${tag.color}` }] : [];
        }),
      ),
    [shownAnnotations, tagById, paintedTagIds],
  );

  const analysts = useMemo(() => (annotations.data?.analysts ?? []).filter((analyst) => analyst.id !== me.id), [annotations.data, me.id]);
  const hasConsensus = useMemo(() => allAnnotations.some((annotation) => annotation.kind === 'consensus'), [allAnnotations]);
  const controls =
    allAnnotations.length > 0 || isFiltering(filter) ? (
      <AnnotationFilterBar
        filter={filter}
        onChange={changeFilter}
        tags={tags.data ?? []}
        analysts={analysts}
        hasConsensus={hasConsensus}
        shown={shownAnnotations.length}
        total={allAnnotations.length}
      />
    ) : null;

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

  // One margin item per annotation, kept while the annotations, tags and analysts stay the same:
  // a filter change only picks among them, so passages whose items are unchanged keep theirs.
  const marginItemById = useMemo(() => {
    // What an item shows is worked out when it is rendered: a document opens with thousands of
    // annotations, of which only those beside the passages on screen are ever listed.
    const renderItem = (annotation: Annotation, focusable: boolean) => {
      const names = annotation.tagIds.map((id) => tagById.get(id)).filter((tag): tag is Tag => tag !== undefined);
      const index = passageIndexAt(document.passages, annotation.start);
      const quote = firstWords(map, { index, start: annotation.start, end: annotation.end }, 36);
      const mine = annotation.kind !== 'consensus' && annotation.analystId === me.id;
      const by = annotation.kind === 'consensus' ? 'team consensus' : ((annotation.analystId && analystName.get(annotation.analystId)) ?? 'a former member');
      return (
        <AnnotationMarginItem
          names={names}
          quote={quote}
          by={by}
          mine={mine}
          memo={annotation.memo}
          mayChange={canAnnotate && (annotation.analystId === me.id || isAdmin)}
          focusable={focusable}
          onEdit={() => {
            setEditing({ kind: 'edit', annotation, quote });
          }}
          onRemove={() => {
            deleteAnnotation(annotation);
          }}
          onDiscuss={
            canComment
              ? () => {
                  setDiscussing({ annotationId: annotation.id, quote });
                }
              : undefined
          }
        />
      );
    };
    return new Map(
      (annotations.data?.annotations ?? []).map((annotation): [string, MarginItem] => [
        annotation.id,
        { key: `annotation:${annotation.id}`, start: annotation.start, end: annotation.end, render: (focusable) => renderItem(annotation, focusable) },
      ]),
    );
  }, [annotations.data, tagById, analystName, document.passages, map, me.id, canAnnotate, canComment, isAdmin, deleteAnnotation]);
  const marginItems = useMemo(() => shownAnnotations.flatMap((annotation) => marginItemById.get(annotation.id) ?? []), [shownAnnotations, marginItemById]);

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
    <>
      <NewThreadDialog
        workspaceId={workspaceId}
        anchor={discussing ? { kind: 'annotation', annotationId: discussing.annotationId } : null}
        subject={discussing && <blockquote className="evidence-quote">{discussing.quote}</blockquote>}
        onClose={() => setDiscussing(null)}
        onCreated={(threadId) => void navigate(discussionPath(workspaceId, threadId))}
      />
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
    </>
  );

  return { highlights, marginItems, selectionActions, overlay, controls, pending: annotations.isPending || tags.isPending };
}
