/**
 * One thread, read and answered in place: its anchor, every comment, resolve / reopen, and the
 * reply composer with who else is typing. Opening it (and every new comment while open) marks it
 * read. Viewers read only: no composer, no resolve.
 */
import { useEffect, useMemo } from 'react';
import { formatDateTime } from '../../../lib/format';
import { Badge, Button, ErrorState, LoadingState } from '../../../ui';
import { useSignedInUser } from '../../auth';
import { useWorkspacePermission } from '../../workspaces';
import { useMarkNotificationsRead, useNotifications } from '../hooks/useNotifications';
import { useThreadTyping } from '../hooks/useTyping';
import { useAddComment, useMarkThreadRead, useSetResolved, useThread } from '../hooks/useThreads';
import { AnchorView } from './AnchorView';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';
import { TypingIndicator } from './TypingIndicator';

export interface ThreadViewProps {
  workspaceId: string;
  threadId: string;
  /** Level of the thread's heading, so it fits the page or panel around it. */
  headingLevel?: 2 | 3;
  showAnchor?: boolean;
}

export function ThreadView({ workspaceId, threadId, headingLevel = 2, showAnchor = true }: ThreadViewProps) {
  const detail = useThread(workspaceId, threadId);
  const me = useSignedInUser();
  const canComment = useWorkspacePermission('comments.create');
  const canManage = useWorkspacePermission('comments.manage');
  const reply = useAddComment(workspaceId, threadId);
  const setResolved = useSetResolved(workspaceId, threadId);
  const markRead = useMarkThreadRead(workspaceId);
  const { typists, notifyTyping } = useThreadTyping(workspaceId, threadId);
  const unread = detail.data?.thread.unreadCount ?? 0;
  const { mutate: markThreadRead } = markRead;

  useEffect(() => {
    if (unread > 0) markThreadRead(threadId);
  }, [unread, threadId, markThreadRead]);

  // Seeing the thread is reading its notifications too.
  const notifications = useNotifications();
  const { mutate: markNotificationsRead } = useMarkNotificationsRead();
  const unseen = useMemo(() => (notifications.data?.notifications ?? []).filter((item) => item.threadId === threadId && item.readAt === null).map((item) => item.id), [notifications.data, threadId]);
  const unseenKey = unseen.join(',');
  useEffect(() => {
    if (unseenKey !== '') markNotificationsRead({ ids: unseenKey.split(',') });
  }, [unseenKey, markNotificationsRead]);

  if (detail.isPending) return <LoadingState label="Loading the thread…" />;
  if (detail.error) return <ErrorState title="This thread could not be loaded" error={detail.error} onRetry={() => void detail.refetch()} />;

  const { thread, comments } = detail.data;
  const resolved = thread.resolvedAt !== null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="thread-view" aria-label="Thread">
      <header className="thread-view__header">
        <Heading className="thread-view__title">
          Thread{resolved && <Badge tone="success">Resolved</Badge>}
        </Heading>
        {canComment && (
          <Button size="sm" variant={resolved ? 'secondary' : 'primary'} busy={setResolved.isPending} onClick={() => setResolved.mutate(!resolved)}>
            {resolved ? 'Reopen' : 'Resolve'}
          </Button>
        )}
      </header>
      {resolved && thread.resolvedAt !== null && <p className="muted thread-view__resolved">Resolved {formatDateTime(thread.resolvedAt)}.</p>}
      {showAnchor && <AnchorView workspaceId={workspaceId} thread={thread} />}
      <ol className="thread-view__comments">
        {comments.map((comment) => (
          <li key={comment.id}>
            <CommentItem
              workspaceId={workspaceId}
              threadId={threadId}
              comment={comment}
              canEdit={canComment && comment.authorId === me.id}
              canDelete={(canComment && comment.authorId === me.id) || canManage}
            />
          </li>
        ))}
      </ol>
      <TypingIndicator typists={typists} />
      {canComment ? (
        <CommentComposer
          workspaceId={workspaceId}
          label="Reply"
          submitLabel="Reply"
          busy={reply.isPending}
          error={reply.error}
          onTyping={notifyTyping}
          onSubmit={(body, clear) => {
            reply.mutate({ body }, { onSuccess: clear });
          }}
        />
      ) : (
        <p className="muted">You can read this thread; commenting needs the commenter role or above.</p>
      )}
    </section>
  );
}
