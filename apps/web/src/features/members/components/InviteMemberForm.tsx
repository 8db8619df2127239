/**
 * Invite by email. An existing account joins at once; an unknown email gets an invite link
 * that is shown here exactly once, to be sent to the person by other means.
 */
import { AddMemberBodySchema, type AddMemberResult, type WorkspaceRole } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { formatDateTime, roleWithArticle } from '../../../lib/format';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Alert, Button, CopyField, FormError, SelectField, TextField } from '../../../ui';
import { useCurrentWorkspace } from '../../workspaces';
import { useAddMember } from '../hooks/useMembers';
import { assignableRoleOptions, isWorkspaceRole, ROLE_DESCRIPTIONS } from '../roles';

/** The API may answer with a path; a link to paste into an email must be absolute. */
function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).toString();
}

function AddMemberOutcome({ result }: { result: AddMemberResult }) {
  switch (result.kind) {
    case 'member':
      return (
        <Alert tone="success" title="Member added">
          <p>
            {result.member.displayName} ({result.member.email}) already had an account and is now {roleWithArticle(result.member.role)} of this workspace.
          </p>
        </Alert>
      );
    case 'invite':
      return (
        <Alert tone="info" title="Invite link created">
          <p>
            No account uses {result.invite.email} yet. Send them this link: it lets that email join as {roleWithArticle(result.invite.role)} until{' '}
            {formatDateTime(result.invite.expiresAt)}. <strong>It is shown only now.</strong>
          </p>
          <CopyField label="Invite link" value={absoluteUrl(result.inviteUrl)} copyLabel="Copy link" />
        </Alert>
      );
  }
}

export function InviteMemberForm() {
  const workspace = useCurrentWorkspace();
  const addMutation = useAddMember(workspace.id);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('editor');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(addMutation.error), ...clientErrors };

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(AddMemberBodySchema, { email, role });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    addMutation.mutate(validation.data, {
      onSuccess: () => {
        setEmail('');
      },
    });
  }

  return (
    <div className="stack">
      <form className="invite-form" onSubmit={handleSubmit} noValidate aria-label="Invite a member">
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="off"
          required
          fieldClassName="invite-form__email"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
          error={withLabel('Email', fieldErrors.email)}
        />
        <SelectField
          label="Role"
          name="role"
          fieldClassName="invite-form__role"
          options={assignableRoleOptions(workspace.myRole)}
          value={role}
          onChange={(event) => {
            if (isWorkspaceRole(event.target.value)) setRole(event.target.value);
          }}
          hint={`Can ${ROLE_DESCRIPTIONS[role]}.`}
          error={withLabel('Role', fieldErrors.role)}
        />
        <Button type="submit" variant="primary" busy={addMutation.isPending} className="invite-form__submit">
          Invite
        </Button>
      </form>
      <FormError error={addMutation.error} />
      <div aria-live="polite">{addMutation.data && <AddMemberOutcome result={addMutation.data} />}</div>
    </div>
  );
}
