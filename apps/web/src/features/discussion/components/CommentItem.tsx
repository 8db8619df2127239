/**
 * One comment in a thread: who and when, the body (or "comment removed" once deleted), the
 * "edited" marker with the earlier versions, and edit / delete for its author (delete for
 * admins too).
 */
import type { Comment } from '@marginalia/shared';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { Button, ConfirmDialog } from '../../../ui';
import { useDeleteComment, useEditComment } from '../hooks/useThreads';
import { CommentComposer } from './CommentComposer';
import { CommentVersions } from './CommentVersions';
import { CommentMarkdown } from './CommentMarkdown';

export interface CommentItemProps {
  workspaceId: string;
  threadId: string;
  comment: Comment;
  canEdit: boolean;
  canDelete: boolean;
}

export function CommentItem({ workspaceId, threadId, comment, canEdit, canDelete }: CommentItemProps) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const edit = useEditComment(workspaceId, threadId);
  const remove = useDeleteComment(workspaceId, threadId);
  const removed = comment.deletedAt !== null;

  return (
    <article className="comment" aria-label={`Comment by ${comment.authorName}`}>
      <header className="comment__header">
        <span className="comment__author">{comment.authorName}</span>
        <time className="comment__time" dateTime={comment.createdAt}>
          {formatDateTime(comment.createdAt)}
        </time>
        {comment.editedAt !== null && !removed && <CommentVersions workspaceId={workspaceId} threadId={threadId} commentId={comment.id} editedAt={comment.editedAt} />}
      </header>
      {removed ? (
        <p className="comment__removed">Comment removed</p>
      ) : editing ? (
        <CommentComposer
          workspaceId={workspaceId}
          label="Edit your comment"
          submitLabel="Save"
          initialValue={comment.body}
          autoFocus
          busy={edit.isPending}
          error={edit.error}
          onCancel={() => {
            setEditing(false);
          }}
          onSubmit={(body) => {
            edit.mutate({ commentId: comment.id, body: { body } }, { onSuccess: () => setEditing(false) });
          }}
        />
      ) : (
        <CommentMarkdown source={comment.body} />
      )}
      {!removed && !editing && (canEdit || canDelete) && (
        <div className="comment__actions">
          {canEdit && (
            <Button size="sm" variant="ghost" aria-label={`Edit comment by ${comment.authorName}`} onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          {canDelete && (
            <Button size="sm" variant="ghost" aria-label={`Delete comment by ${comment.authorName}`} onClick={() => setConfirming(true)}>
              Delete
            </Button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title="Delete this comment?"
        description="It will show as “comment removed” to everyone; the thread stays."
        confirmLabel="Delete comment"
        destructive
        busy={remove.isPending}
        error={remove.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(comment.id, { onSuccess: () => setConfirming(false) })}
      />
    </article>
  );
}
