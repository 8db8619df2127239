/**
 * Invite someone to the instance (to register when registration is invite-only) without a
 * workspace. The invitation is emailed when email is configured; the link is shown either way.
 */
import { CreateInstanceInviteBodySchema, type CreatedInstanceInvite } from '@marginalia/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { Alert, Button, CopyField, Dialog, FormError, TextField } from '../../../ui';
import { emailAdminKeys, inviteToInstance } from '../email-api';

export function InviteToInstanceDialog() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedInstanceInvite | null>(null);
  const inviteMutation = useMutation({
    mutationFn: inviteToInstance,
    onSuccess: async (result) => {
      setCreated(result);
      await queryClient.invalidateQueries({ queryKey: emailAdminKeys.invitations });
    },
  });
  const fieldErrors = { ...fieldErrorsFrom(inviteMutation.error), ...clientErrors };

  function handleClose() {
    setOpen(false);
    setEmail('');
    setCreated(null);
    setClientErrors({});
    inviteMutation.reset();
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(CreateInstanceInviteBodySchema, { email });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    inviteMutation.mutate(validation.data);
  }

  return (
    <>
      <Button
        variant="primary"
        onClick={() => {
          setOpen(true);
        }}
      >
        Invite to this instance
      </Button>
      <Dialog open={open} onClose={handleClose} title="Invite someone to this instance" description={<p>They can create an account with this email, even when registration is invite-only.</p>}>
        {created ? (
          <div className="stack">
            <Alert tone={created.emailed ? 'success' : 'info'} title={created.emailed ? 'Invitation emailed' : 'Invitation created'}>
              <p>
                {created.emailed ? `We emailed ${created.invite.email} a link to register.` : `Email is not configured: send this link to ${created.invite.email} yourself.`} It works once,
                until {formatDateTime(created.invite.expiresAt)}.
              </p>
            </Alert>
            <CopyField label="Registration link" value={created.inviteUrl} copyLabel="Copy link" />
            <div className="button-row">
              <Button variant="primary" onClick={handleClose}>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Invite to this instance">
            <TextField
              label="Email"
              type="email"
              name="email"
              autoComplete="off"
              required
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
              }}
              error={withLabel('Email', fieldErrors.email)}
            />
            <FormError error={inviteMutation.error} />
            <div className="button-row">
              <Button type="submit" variant="primary" busy={inviteMutation.isPending}>
                Invite
              </Button>
              <Button onClick={handleClose}>Cancel</Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
