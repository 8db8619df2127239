/** Deleting a workspace from the admin console: the same confirmation owners get, typing its name. */
import type { AdminWorkspace } from '@marginalia/shared';
import { useState } from 'react';
import { formatCount } from '../../../lib/format';
import { ConfirmDialog, TextField, useToast } from '../../../ui';
import { useDeleteWorkspace } from '../hooks/useAdminWorkspaces';

export function DeleteWorkspaceDialog({ workspace, onClose }: { workspace: AdminWorkspace | null; onClose: () => void }) {
  const deleteMutation = useDeleteWorkspace();
  const { showToast } = useToast();
  const [typedName, setTypedName] = useState('');

  function close() {
    setTypedName('');
    deleteMutation.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={workspace !== null}
      onClose={close}
      onConfirm={() => {
        if (!workspace) return;
        deleteMutation.mutate(
          { workspaceId: workspace.id, confirmName: typedName },
          {
            onSuccess: () => {
              showToast(`${workspace.name} was deleted.`);
              close();
            },
          },
        );
      }}
      title={`Delete ${workspace?.name ?? ''}?`}
      description={
        <p>
          Everything in this workspace ({workspace ? `${formatCount(workspace.documentCount, 'document')}, ${formatCount(workspace.annotationCount, 'annotation')}, ${formatCount(workspace.memberCount, 'member')}` : ''}) is
          deleted for every member. This cannot be undone.
        </p>
      }
      confirmLabel="Delete workspace permanently"
      destructive
      busy={deleteMutation.isPending}
      confirmDisabled={workspace === null || typedName !== workspace.name}
      error={deleteMutation.error}
    >
      <TextField
        label={`Type the workspace name, ${workspace?.name ?? ''}, to confirm`}
        autoComplete="off"
        spellCheck={false}
        value={typedName}
        onChange={(event) => {
          setTypedName(event.target.value);
        }}
      />
    </ConfirmDialog>
  );
}
