/**
 * The "edited" marker of a comment: opens every version (the API lists the current one last),
 * oldest first, loaded on demand; shown in the comment's flow rather than floating, so a dialog
 * around the thread cannot clip it.
 */
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { cx } from '../../../ui';
import { useCommentHistory } from '../hooks/useThreads';
import { CommentMarkdown } from './CommentMarkdown';

export function CommentVersions({ workspaceId, threadId, commentId, editedAt }: { workspaceId: string; threadId: string; commentId: string; editedAt: string }) {
  const [open, setOpen] = useState(false);
  const history = useCommentHistory(workspaceId, threadId, commentId, open);
  return (
    <span className="comment__edited">
      <button
        type="button"
        className={cx('link-button', 'comment__edited-button')}
        aria-expanded={open}
        title={`Edited ${formatDateTime(editedAt)}`}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        edited
      </button>
      {open && (
        <div className="comment__history" role="region" aria-label="Versions of this comment">
          {history.isPending && <p className="muted">Loading the versions…</p>}
          {history.error && <p className="muted">The versions could not be loaded.</p>}
          {history.data && history.data.revisions.length === 0 && <p className="muted">No earlier versions kept.</p>}
          <ol className="comment__revisions">
            {history.data?.revisions.map((revision, index, all) => (
              <li key={`${revision.writtenAt}-${String(index)}`}>
                <p className="comment__revision-time">
                  {formatDateTime(revision.writtenAt)}
                  {index === all.length - 1 && index > 0 ? ' (current)' : ''}
                </p>
                <CommentMarkdown source={revision.body} />
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() => {
              setOpen(false);
            }}
          >
            Close
          </button>
        </div>
      )}
    </span>
  );
}
