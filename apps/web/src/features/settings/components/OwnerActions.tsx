/** Owner-only actions: archive or unarchive, transfer ownership, delete with typed confirmation. */
import type { Workspace } from '@marginalia/shared';
import { useState } from 'react';
import { roleLabel } from '../../../lib/format';
import { Button, ConfirmDialog, SelectField, TextField, useToast } from '../../../ui';
import { useMembers } from '../../members';
import { useDeleteWorkspace, useSetArchived, useTransferOwnership } from '../../workspaces';

type OpenDialog = 'archive' | 'transfer' | 'delete' | null;

export function OwnerActions({ workspace }: { workspace: Workspace }) {
  const { showToast } = useToast();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const archiveMutation = useSetArchived(workspace.id);
  const transferMutation = useTransferOwnership(workspace.id);
  const deleteMutation = useDeleteWorkspace(workspace.id, () => {
    showToast(`${workspace.name} was deleted.`);
  });
  const { data: members } = useMembers(workspace.id);
  const [newOwnerId, setNewOwnerId] = useState('');
  const [typedName, setTypedName] = useState('');

  const archived = workspace.archivedAt !== null;
  const candidates = (members ?? []).filter((member) => member.role !== 'owner');

  function close() {
    setDialog(null);
    setTypedName('');
    setNewOwnerId('');
    archiveMutation.reset();
    transferMutation.reset();
    deleteMutation.reset();
  }

  function handleArchive() {
    archiveMutation.mutate(!archived, {
      onSuccess: (saved) => {
        close();
        showToast(saved.archivedAt !== null ? 'Workspace archived.' : 'Workspace unarchived.');
      },
    });
  }

  function handleTransfer() {
    const target = candidates.find((member) => member.userId === newOwnerId);
    if (!target) return;
    // mutateAsync, not mutate's callbacks: the new role hides this component before they would run.
    transferMutation
      .mutateAsync({ userId: target.userId })
      .then(() => {
        close();
        showToast(`${target.displayName} now owns ${workspace.name}; you are an admin.`);
      })
      .catch(() => {
        // Shown in the dialog from transferMutation.error.
      });
  }

  function handleDelete() {
    deleteMutation.mutate();
  }

  return (
    <div className="owner-actions">
      <div className="owner-actions__row">
        <div>
          <h3 className="owner-actions__title">{archived ? 'Unarchive this workspace' : 'Archive this workspace'}</h3>
          <p className="muted">
            {archived ? 'Members can edit, comment and invite again.' : 'It stays readable, but nobody can change it or invite anyone until it is unarchived.'}
          </p>
        </div>
        <Button
          onClick={() => {
            setDialog('archive');
          }}
        >
          {archived ? 'Unarchive workspace' : 'Archive workspace'}
        </Button>
      </div>
      <div className="owner-actions__row">
        <div>
          <h3 className="owner-actions__title">Transfer ownership</h3>
          <p className="muted">Make another member the owner. You become an admin.</p>
        </div>
        <Button
          onClick={() => {
            setDialog('transfer');
          }}
        >
          Transfer ownership
        </Button>
      </div>
      <div className="owner-actions__row">
        <div>
          <h3 className="owner-actions__title">Delete this workspace</h3>
          <p className="muted">Deletes the corpus, annotations, maps and discussions for everyone. This cannot be undone.</p>
        </div>
        <Button
          variant="danger"
          onClick={() => {
            setDialog('delete');
          }}
        >
          Delete workspace
        </Button>
      </div>

      <ConfirmDialog
        open={dialog === 'archive'}
        onClose={close}
        onConfirm={handleArchive}
        title={archived ? `Unarchive ${workspace.name}?` : `Archive ${workspace.name}?`}
        description={
          <p>{archived ? 'Members regain the rights their roles give them.' : 'Everyone keeps read access; editing, commenting and invites stop.'}</p>
        }
        confirmLabel={archived ? 'Unarchive' : 'Archive'}
        busy={archiveMutation.isPending}
        error={archiveMutation.error}
      />

      <ConfirmDialog
        open={dialog === 'transfer'}
        onClose={close}
        onConfirm={handleTransfer}
        title="Transfer ownership"
        description={<p>The new owner can delete the workspace and remove you. You will become an admin.</p>}
        confirmLabel="Transfer ownership"
        destructive
        busy={transferMutation.isPending}
        confirmDisabled={newOwnerId === ''}
        error={transferMutation.error}
      >
        {candidates.length === 0 ? (
          <p className="muted">There is nobody else to hand over to yet: invite a member first.</p>
        ) : (
          <SelectField
            label="New owner"
            value={newOwnerId}
            onChange={(event) => {
              setNewOwnerId(event.target.value);
            }}
            options={[
              { value: '', label: 'Choose a member…' },
              ...candidates.map((member) => ({ value: member.userId, label: `${member.displayName} (${member.email}, ${roleLabel(member.role)})` })),
            ]}
          />
        )}
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === 'delete'}
        onClose={close}
        onConfirm={handleDelete}
        title={`Delete ${workspace.name}?`}
        description={<p>Everything in this workspace is deleted for every member. This cannot be undone.</p>}
        confirmLabel="Delete workspace permanently"
        destructive
        busy={deleteMutation.isPending}
        confirmDisabled={typedName !== workspace.name}
        error={deleteMutation.error}
      >
        <TextField
          label={`Type the workspace name, ${workspace.name}, to confirm`}
          autoComplete="off"
          spellCheck={false}
          value={typedName}
          onChange={(event) => {
            setTypedName(event.target.value);
          }}
        />
      </ConfirmDialog>
    </div>
  );
}
