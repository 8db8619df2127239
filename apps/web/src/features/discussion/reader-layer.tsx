/**
 * Discussion on the reader, as a reader layer: passages and taggings under discussion washed
 * with a comment highlight and marked in the margin (a bubble and the count, bold while unread),
 * "Comment…" (key m) for selected text, and the thread opened in a panel to read and reply in
 * place. Above the text, the document's own discussion. Only the newest page of the document's
 * threads is shown (the API's page size, 100).
 */
import type { Thread, ThreadAnchorInput } from '@marginalia/shared';
import { useMemo, useState } from 'react';
import { Dialog } from '../../ui';
import { passageIndexAt, type LayerHighlight, type MarginItem, type ReaderLayer, type ReaderLayerContext, type ReaderLayerOutput, type SelectionAction } from '../corpus';
import { useWorkspacePermission } from '../workspaces';
import { CommentOnButton } from './components/CommentOnButton';
import { CommentIcon } from './components/Icons';
import { NewThreadDialog } from './components/NewThreadDialog';
import { ThreadView } from './components/ThreadView';
import { useThreads } from './hooks/useThreads';

export const discussionLayer: ReaderLayer = { id: 'discussion', useLayer: useDiscussionLayer };

interface Starting {
  anchor: ThreadAnchorInput;
  quote: string;
}

function hasSpan(thread: Thread): thread is Thread & { anchor: { start: number; end: number } } {
  return (thread.anchor.kind === 'text' || thread.anchor.kind === 'annotation') && thread.anchor.start !== null && thread.anchor.end !== null && !thread.orphaned;
}

function useDiscussionLayer({ workspaceId, document }: ReaderLayerContext): ReaderLayerOutput {
  const threads = useThreads(workspaceId, { documentId: document.id, status: 'all' });
  const canComment = useWorkspacePermission('comments.create');
  const [starting, setStarting] = useState<Starting | null>(null);
  const [openThreadId, setOpenThreadId] = useState<string | null>(null);

  const anchored = useMemo(() => (threads.data?.threads ?? []).filter(hasSpan), [threads.data]);

  const highlights = useMemo(
    () => anchored.filter((thread) => thread.resolvedAt === null).map((thread): LayerHighlight => ({ start: thread.anchor.start, end: thread.anchor.end, paint: 'reader-comment' })),
    [anchored],
  );

  const marginItems = useMemo(
    () =>
      anchored.map((thread): MarginItem => {
        const resolved = thread.resolvedAt !== null;
        const opening = thread.firstComment?.authorName ?? 'someone';
        const label = `Thread by ${opening}${resolved ? ', resolved' : ''}: ${String(thread.commentCount)} comments${thread.unreadCount > 0 ? `, ${String(thread.unreadCount)} unread` : ''}, on “${thread.anchor.label}”`;
        return {
          key: `thread:${thread.id}`,
          start: thread.anchor.start,
          end: thread.anchor.end,
          render: (focusable) => (
            <button
              type="button"
              className={['comment-marker', resolved && 'comment-marker--resolved', thread.unreadCount > 0 && 'comment-marker--unread'].filter(Boolean).join(' ')}
              tabIndex={focusable ? 0 : -1}
              aria-label={label}
              title={label}
              onClick={() => setOpenThreadId(thread.id)}
            >
              <CommentIcon />
              <span aria-hidden="true">{thread.commentCount}</span>
              <span className="comment-marker__who" aria-hidden="true">
                {opening}
              </span>
            </button>
          ),
        };
      }),
    [anchored],
  );

  const selectionActions = useMemo(
    (): SelectionAction[] =>
      canComment
        ? [{ id: 'comment', label: 'Comment…', shortcut: 'm', run: (span) => setStarting({ anchor: { kind: 'text', documentId: document.id, start: span.start, end: span.end }, quote: span.quote }) }]
        : [],
    [canComment, document.id],
  );

  function backToPassage(start: number | undefined) {
    if (start === undefined) return;
    const passageId = `p-${String(passageIndexAt(document.passages, start) + 1)}`;
    window.requestAnimationFrame(() => window.document.getElementById(passageId)?.focus({ preventScroll: true }));
  }

  const openThread = anchored.find((thread) => thread.id === openThreadId);
  const overlay = (
    <>
      <NewThreadDialog
        workspaceId={workspaceId}
        anchor={starting?.anchor ?? null}
        subject={starting && <blockquote className="evidence-quote">{starting.quote}</blockquote>}
        onClose={() => {
          const start = starting?.anchor.kind === 'text' ? starting.anchor.start : undefined;
          setStarting(null);
          window.getSelection()?.removeAllRanges();
          backToPassage(start);
        }}
        onCreated={setOpenThreadId}
      />
      <Dialog
        open={openThreadId !== null}
        className="thread-dialog"
        title="Discussion"
        onClose={() => {
          setOpenThreadId(null);
          backToPassage(openThread?.anchor.start);
        }}
      >
        {openThreadId !== null && <ThreadView workspaceId={workspaceId} threadId={openThreadId} headingLevel={3} />}
      </Dialog>
    </>
  );

  const controls = <CommentOnButton workspaceId={workspaceId} anchor={{ kind: 'document', documentId: document.id }} subject={`document “${document.title}”`} />;

  return { highlights, marginItems, selectionActions, overlay, controls, pending: threads.isPending };
}
