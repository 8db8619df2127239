/** Leaving is removing yourself; the last owner is refused by the API with a clear message. */
import type { Workspace } from '@marginalia/shared';
import { useState } from 'react';
import { Button, ConfirmDialog, useToast } from '../../../ui';
import { useSignedInUser } from '../../auth';
import { useLeaveWorkspace } from '../../members';

export function LeaveWorkspace({ workspace }: { workspace: Workspace }) {
  const me = useSignedInUser();
  const { showToast } = useToast();
  const leaveMutation = useLeaveWorkspace(workspace.id, () => {
    showToast(`You left ${workspace.name}.`);
  });
  const [open, setOpen] = useState(false);

  function close() {
    setOpen(false);
    leaveMutation.reset();
  }

  function handleLeave() {
    leaveMutation.mutate(me.id);
  }

  return (
    <>
      <div className="owner-actions__row">
        <p className="muted">
          {workspace.myRole === 'owner'
            ? 'If you are the only owner, transfer ownership first or delete the workspace.'
            : 'You will lose access until someone invites you again.'}
        </p>
        <Button
          onClick={() => {
            setOpen(true);
          }}
        >
          Leave workspace
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        onClose={close}
        onConfirm={handleLeave}
        title={`Leave ${workspace.name}?`}
        description={<p>You will lose access to this workspace until someone invites you again.</p>}
        confirmLabel="Leave workspace"
        destructive
        busy={leaveMutation.isPending}
        error={leaveMutation.error}
      />
    </>
  );
}
