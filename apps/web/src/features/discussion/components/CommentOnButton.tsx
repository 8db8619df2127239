/**
 * "Comment" on a whole thing (a tag in the codebook, a document in the reader): opens the
 * thing's threads if it has some, otherwise starts one. Shown with the number of open threads.
 */
import type { ThreadAnchorInput } from '@marginalia/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../ui';
import { useWorkspacePermission } from '../../workspaces';
import { discussionPath } from '../anchor-links';
import { useThreads } from '../hooks/useThreads';
import { CommentIcon } from './Icons';
import { NewThreadDialog } from './NewThreadDialog';

export interface CommentOnButtonProps {
  workspaceId: string;
  anchor: Extract<ThreadAnchorInput, { kind: 'tag' } | { kind: 'document' }>;
  /** Names the thing, e.g. "tag Trust", for the button's accessible name and the dialog. */
  subject: string;
}

export function CommentOnButton({ workspaceId, anchor, subject }: CommentOnButtonProps) {
  const canComment = useWorkspacePermission('comments.create');
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const query = anchor.kind === 'tag' ? { anchorKind: 'tag' as const, tagId: anchor.tagId, status: 'open' as const } : { anchorKind: 'document' as const, documentId: anchor.documentId, status: 'open' as const };
  const threads = useThreads(workspaceId, query);
  const count = threads.data?.threads.length ?? 0;
  const first = threads.data?.threads[0];

  if (!canComment && count === 0) return null;
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={count > 0 ? `Discussion of ${subject}: ${String(count)} open` : `Comment on ${subject}`}
        onClick={() => {
          if (first) void navigate(count === 1 ? discussionPath(workspaceId, first.id) : `${discussionPath(workspaceId)}?kind=${anchor.kind}`);
          else setStarting(true);
        }}
      >
        <CommentIcon /> {count > 0 ? `${String(count)} open` : 'Comment'}
      </Button>
      <NewThreadDialog
        workspaceId={workspaceId}
        anchor={starting ? anchor : null}
        subject={<p>About the {subject}.</p>}
        onClose={() => setStarting(false)}
        onCreated={(threadId) => void navigate(discussionPath(workspaceId, threadId))}
      />
    </>
  );
}
