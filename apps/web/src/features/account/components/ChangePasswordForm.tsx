/** Changing the password; the API logs out every other session when it succeeds. */
import { ChangePasswordBodySchema, PASSWORD_MIN_LENGTH } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Button, FormError, TextField, useToast } from '../../../ui';
import { useChangePassword } from '../hooks/useAccount';

export function ChangePasswordForm() {
  const changeMutation = useChangePassword();
  const { showToast } = useToast();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(changeMutation.error), ...clientErrors };

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(ChangePasswordBodySchema, { currentPassword, newPassword });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    changeMutation.mutate(validation.data, {
      onSuccess: () => {
        setCurrentPassword('');
        setNewPassword('');
        showToast('Password changed. Your other sessions were logged out.');
      },
    });
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Change password">
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => {
          setCurrentPassword(event.target.value);
        }}
        error={withLabel('Current password', fieldErrors.currentPassword)}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${String(PASSWORD_MIN_LENGTH)} characters. Other devices will be logged out.`}
        value={newPassword}
        onChange={(event) => {
          setNewPassword(event.target.value);
        }}
        error={withLabel('New password', fieldErrors.newPassword)}
      />
      <FormError error={changeMutation.error} />
      <div>
        <Button type="submit" variant="primary" busy={changeMutation.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
