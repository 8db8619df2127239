/** The "edited" marker of a comment: opens the earlier versions, oldest first, loaded on demand. */
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { cx } from '../../../ui';
import { useCommentHistory } from '../hooks/useThreads';
import { CommentMarkdown } from './CommentMarkdown';

export function CommentHistoryPopover({ workspaceId, threadId, commentId, editedAt }: { workspaceId: string; threadId: string; commentId: string; editedAt: string }) {
  const [open, setOpen] = useState(false);
  const history = useCommentHistory(workspaceId, threadId, commentId, open);
  return (
    <span className="popover comment__edited">
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
        <div className="popover__panel comment__history" role="region" aria-label="Earlier versions">
          {history.isPending && <p className="muted">Loading earlier versions…</p>}
          {history.error && <p className="muted">The earlier versions could not be loaded.</p>}
          {history.data && history.data.revisions.length === 0 && <p className="muted">No earlier versions kept.</p>}
          <ol className="comment__revisions">
            {history.data?.revisions.map((revision) => (
              <li key={revision.writtenAt}>
                <p className="comment__revision-time">{formatDateTime(revision.writtenAt)}</p>
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
