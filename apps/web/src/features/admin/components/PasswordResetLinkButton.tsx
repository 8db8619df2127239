/**
 * Makes a one-time password reset link (valid one hour) for a user, for the admin to hand over,
 * shown in a dialog with a copy button. Making a new one kills the previous one. Audited.
 */
import type { PasswordResetLink } from '@marginalia/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { Button, CopyField, Dialog, FormError } from '../../../ui';
import { createPasswordResetLink } from '../email-api';

export function PasswordResetLinkButton({ user }: { user: { id: string; email: string; displayName: string } }) {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<PasswordResetLink | null>(null);
  const createMutation = useMutation({ mutationFn: () => createPasswordResetLink(user.id), onSuccess: setLink });

  function handleClose() {
    setOpen(false);
    setLink(null);
    createMutation.reset();
  }

  return (
    <>
      <Button
        size="sm"
        aria-label={`Password reset link for ${user.email}`}
        onClick={() => {
          setOpen(true);
        }}
      >
        Reset password
      </Button>
      <Dialog
        open={open}
        onClose={handleClose}
        title={`Reset the password of ${user.displayName}`}
        description={<p>A one-time link, valid for one hour, that lets whoever opens it set a new password for {user.email}. Hand it over privately.</p>}
      >
        <div className="stack">
          {link ? (
            <>
              <CopyField label="Password reset link" value={link.url} copyLabel="Copy link" />
              <p className="muted">Works once, until {formatDateTime(link.expiresAt)}. Using it signs {user.displayName} out everywhere else.</p>
            </>
          ) : (
            <p>Making a link cancels any earlier one for this account.</p>
          )}
          <FormError error={createMutation.error} />
          <div className="button-row">
            {!link && (
              <Button
                variant="primary"
                busy={createMutation.isPending}
                onClick={() => {
                  createMutation.mutate();
                }}
              >
                Create link
              </Button>
            )}
            <Button onClick={handleClose}>{link ? 'Done' : 'Cancel'}</Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
