/**
 * Removing an account: for each workspace only this person owns, choose who takes it over or
 * to delete it; then type their email. Their annotations and comments stay, shown as by a
 * removed user.
 */
import type { AdminUser, SoleOwnedDecision } from '@marginalia/shared';
import { useState } from 'react';
import { ConfirmDialog, ErrorState, LoadingState, SelectField, TextField, useToast } from '../../../ui';
import { useAdminUsers, useRemoveUser, useUserMemberships } from '../hooks/useAdminUsers';

const DELETE = 'delete';

export function RemoveUserDialog({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { data: memberships, error, isPending } = useUserMemberships(user?.id ?? null);
  const { data: people } = useAdminUsers(user !== null, '', 'active');
  const removeMutation = useRemoveUser();
  const { showToast } = useToast();
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [typedEmail, setTypedEmail] = useState('');

  const soleOwned = memberships?.filter((membership) => membership.soleOwner) ?? [];
  const heirs = (people ?? []).filter((person) => person.id !== user?.id);
  const undecided = soleOwned.some((membership) => !choices[membership.workspaceId]);
  const typedMatches = user !== null && typedEmail.trim().toLowerCase() === user.email;

  function close() {
    setChoices({});
    setTypedEmail('');
    removeMutation.reset();
    onClose();
  }

  function handleConfirm() {
    if (!user) return;
    const workspaces: SoleOwnedDecision[] = soleOwned.map((membership) => {
      const choice = choices[membership.workspaceId] ?? DELETE;
      return choice === DELETE ? { workspaceId: membership.workspaceId, action: 'delete' } : { workspaceId: membership.workspaceId, action: 'transfer', toUserId: choice };
    });
    removeMutation.mutate(
      { userId: user.id, body: { confirmEmail: typedEmail, workspaces } },
      {
        onSuccess: () => {
          showToast(`${user.displayName}'s account was removed.`);
          close();
        },
      },
    );
  }

  return (
    <ConfirmDialog
      open={user !== null}
      onClose={close}
      onConfirm={handleConfirm}
      title={`Remove ${user?.displayName ?? ''}'s account?`}
      description={
        <p>
          The account, its sessions and tokens are deleted, and they leave every workspace. Their documents, annotations and comments stay, shown as by “a removed
          user”. This cannot be undone; to keep the account, disable it instead.
        </p>
      }
      confirmLabel="Remove account permanently"
      destructive
      busy={removeMutation.isPending}
      confirmDisabled={isPending || undecided || !typedMatches}
      error={removeMutation.error}
    >
      {isPending && user !== null && <LoadingState label="Loading their workspaces…" />}
      {error && <ErrorState title="Their workspaces could not be loaded" error={error} />}
      {soleOwned.length > 0 && (
        <fieldset className="admin-fieldset">
          <legend>Workspaces only they own</legend>
          {soleOwned.map((membership) => (
            <SelectField
              key={membership.workspaceId}
              label={membership.workspaceName}
              value={choices[membership.workspaceId] ?? ''}
              onChange={(event) => {
                setChoices({ ...choices, [membership.workspaceId]: event.target.value });
              }}
              options={[
                { value: '', label: 'Choose what happens…' },
                ...heirs.map((person) => ({ value: person.id, label: `Transfer to ${person.displayName} (${person.email})` })),
                { value: DELETE, label: 'Delete the workspace and everything in it' },
              ]}
            />
          ))}
        </fieldset>
      )}
      <TextField
        label={`Type their email, ${user?.email ?? ''}, to confirm`}
        autoComplete="off"
        spellCheck={false}
        value={typedEmail}
        onChange={(event) => {
          setTypedEmail(event.target.value);
        }}
      />
    </ConfirmDialog>
  );
}
