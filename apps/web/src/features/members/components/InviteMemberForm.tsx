/**
 * Invite by email. Every email gets an invite link, shown here exactly once, to be sent to the
 * person by other means; someone who already has an account also finds the invitation in the
 * app. The answer is the same either way: it does not tell who has an account.
 */
import { AddMemberBodySchema, type AddMemberResult, type WorkspaceRole } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { formatDateTime, roleWithArticle } from '../../../lib/format';
import { useInstanceSettings } from '../../../lib/instance-settings';
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
  if (result.emailed) {
    return (
      <Alert tone="success" title="Invitation emailed">
        <p>
          We emailed an invitation to {result.invite.email}; it works once, until {formatDateTime(result.invite.expiresAt)}. If it does not arrive,
          you can also hand over this link. <strong>Whoever holds it can join</strong> as {roleWithArticle(result.invite.role)}: they will be asked
          to confirm their address by email first.
        </p>
        <CopyField label="Invite link" value={absoluteUrl(result.inviteUrl)} copyLabel="Copy link" />
      </Alert>
    );
  }
  return (
    <Alert tone="info" title="Invitation created">
      <p>
        Email is not configured on this instance, so nothing was sent: send this link to {result.invite.email} yourself. <strong>Whoever holds it can join</strong> as {roleWithArticle(result.invite.role)}, once, until{' '}
        {formatDateTime(result.invite.expiresAt)}: send it only to them, and revoke it below if it goes astray. If they already have an account,
        they can also accept the invitation in Marginalia. <strong>The link is shown only now.</strong>
      </p>
      <CopyField label="Invite link" value={absoluteUrl(result.inviteUrl)} copyLabel="Copy link" />
    </Alert>
  );
}

export function InviteMemberForm() {
  const workspace = useCurrentWorkspace();
  const addMutation = useAddMember(workspace.id);
  const [email, setEmail] = useState('');
  const defaultRole = useInstanceSettings().data?.defaultMemberRole ?? 'editor';
  // The instance's default role (an admin setting) until the inviter picks another.
  const [pickedRole, setRole] = useState<WorkspaceRole | null>(null);
  const role = pickedRole ?? defaultRole;
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
