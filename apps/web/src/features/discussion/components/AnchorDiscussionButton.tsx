/**
 * A map part's way into its discussion (a node on the canvas, a cell of the ACH grid): a small
 * button showing how many threads are open there, opening a dialog with those threads to read
 * and answer, and a composer to start another. Hidden for viewers where nothing is discussed yet.
 */
import { useState } from 'react';
import { formatCount } from '../../../lib/format';
import { Button, cx, Dialog } from '../../../ui';
import { useWorkspacePermission } from '../../workspaces';
import { useMapThreads } from '../hooks/useMapThreads';
import { useCreateThread } from '../hooks/useThreads';
import { mapAnchorKey, type MapAnchorInput } from '../map-anchors';
import { CommentComposer } from './CommentComposer';
import { CommentIcon } from './Icons';
import { ThreadView } from './ThreadView';

export interface AnchorDiscussionButtonProps {
  workspaceId: string;
  anchor: MapAnchorInput;
  /** Names the part, e.g. "node “Regime insecurity”", for the accessible name and the dialog. */
  subject: string;
  /** Compact: just the icon and the count (on a canvas node or a grid cell). */
  compact?: boolean;
}

export function AnchorDiscussionButton({ workspaceId, anchor, subject, compact = false }: AnchorDiscussionButtonProps) {
  const canComment = useWorkspacePermission('comments.create');
  const index = useMapThreads(workspaceId, anchor.mapId);
  const entry = index.get(mapAnchorKey(anchor) ?? '');
  const [open, setOpen] = useState(false);
  const create = useCreateThread(workspaceId);
  const threads = entry?.threads ?? [];

  if (!canComment && threads.length === 0) return null;
  const count = entry?.open ?? 0;
  const label = threads.length === 0 ? `Comment on ${subject}` : `Discussion of ${subject}: ${formatCount(count, 'open thread')}${entry && entry.unread > 0 ? `, ${String(entry.unread)} unread` : ''}`;
  return (
    <>
      <button
        type="button"
        className={cx('thread-badge', compact && 'thread-badge--compact', count > 0 && 'thread-badge--open', entry && entry.unread > 0 && 'thread-badge--unread')}
        aria-label={label}
        title={label}
        onClick={(event) => {
          // On a canvas node or a grid cell the click is ours, not a selection of the node.
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <CommentIcon />
        {(threads.length > 0 || !compact) && <span aria-hidden="true">{threads.length > 0 ? count : 'Comment'}</span>}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Discussion" description={<p>About the {subject}.</p>} className="thread-dialog">
        {open && (
          <div className="anchor-discussion">
            {threads.map((thread) => (
              <ThreadView key={thread.id} workspaceId={workspaceId} threadId={thread.id} headingLevel={3} showAnchor={false} />
            ))}
            {canComment && (
              <CommentComposer
                workspaceId={workspaceId}
                label={threads.length === 0 ? 'Comment' : 'Start another thread'}
                submitLabel="Start thread"
                busy={create.isPending}
                error={create.error}
                onSubmit={(body, clear) => create.mutate({ anchor, body }, { onSuccess: clear })}
              />
            )}
            <div className="comment-composer__actions">
              <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
                Close
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </>
  );
}
