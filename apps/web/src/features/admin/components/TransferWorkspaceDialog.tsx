/** Hand a workspace to another person (for when its owner has left); disabled owners step down to admin. */
import type { AdminWorkspace } from '@marginalia/shared';
import { useState } from 'react';
import { ConfirmDialog, SelectField, useToast } from '../../../ui';
import { useAdminUsers } from '../hooks/useAdminUsers';
import { useTransferWorkspace } from '../hooks/useAdminWorkspaces';

export function TransferWorkspaceDialog({ workspace, onClose }: { workspace: AdminWorkspace | null; onClose: () => void }) {
  const { data: people } = useAdminUsers(workspace !== null, '', 'active');
  const transferMutation = useTransferWorkspace();
  const { showToast } = useToast();
  const [userId, setUserId] = useState('');
  const ownerIds = new Set(workspace?.owners.map((owner) => owner.id));
  const candidates = (people ?? []).filter((person) => !ownerIds.has(person.id));

  function close() {
    setUserId('');
    transferMutation.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={workspace !== null}
      onClose={close}
      onConfirm={() => {
        if (!workspace) return;
        transferMutation.mutate(
          { workspaceId: workspace.id, userId },
          {
            onSuccess: () => {
              showToast(`${workspace.name} has a new owner.`);
              close();
            },
          },
        );
      }}
      title={`Transfer ${workspace?.name ?? ''}`}
      description={<p>The person you choose becomes an owner (joining if they are not a member). Owners whose accounts are disabled become admins.</p>}
      confirmLabel="Make owner"
      busy={transferMutation.isPending}
      confirmDisabled={userId === ''}
      error={transferMutation.error}
    >
      <SelectField
        label="New owner"
        value={userId}
        onChange={(event) => {
          setUserId(event.target.value);
        }}
        options={[{ value: '', label: 'Choose a person…' }, ...candidates.map((person) => ({ value: person.id, label: `${person.displayName} (${person.email})` }))]}
      />
    </ConfirmDialog>
  );
}
