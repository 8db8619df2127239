/**
 * Starting a thread about something (a selected span, a tag, a document, a map node): the
 * thing shown at the top, the first comment below. `onCreated` gets the new thread's id, so the
 * caller can open it in place.
 */
import type { ThreadAnchorInput } from '@marginalia/shared';
import type { ReactNode } from 'react';
import { Dialog } from '../../../ui';
import { useCreateThread } from '../hooks/useThreads';
import { CommentComposer } from './CommentComposer';

export interface NewThreadDialogProps {
  workspaceId: string;
  /** Null: closed. */
  anchor: ThreadAnchorInput | null;
  /** What the thread will be about, as the person sees it (a quote, a tag's name). */
  subject: ReactNode;
  onClose: () => void;
  onCreated?: (threadId: string) => void;
}

export function NewThreadDialog({ workspaceId, anchor, subject, onClose, onCreated }: NewThreadDialogProps) {
  const create = useCreateThread(workspaceId);
  function close() {
    create.reset();
    onClose();
  }
  return (
    <Dialog open={anchor !== null} onClose={close} title="Start a thread" description={subject}>
      {anchor && (
        <CommentComposer
          workspaceId={workspaceId}
          label="Comment"
          submitLabel="Comment"
          autoFocus
          busy={create.isPending}
          error={create.error}
          onCancel={close}
          onSubmit={(body) => {
            create.mutate(
              { anchor, body },
              {
                onSuccess: (detail) => {
                  create.reset();
                  onCreated?.(detail.thread.id);
                  onClose();
                },
              },
            );
          }}
        />
      )}
    </Dialog>
  );
}
