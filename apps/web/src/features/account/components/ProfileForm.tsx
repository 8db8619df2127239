/** Display name; the email is the login and cannot be changed here. */
import { UpdateProfileBodySchema, type CurrentUser } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Button, FormError, TextField, useToast } from '../../../ui';
import { useUpdateProfile } from '../hooks/useAccount';

export function ProfileForm({ user }: { user: CurrentUser }) {
  const updateMutation = useUpdateProfile();
  const { showToast } = useToast();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(updateMutation.error), ...clientErrors };

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(UpdateProfileBodySchema, { displayName });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    updateMutation.mutate(validation.data, {
      onSuccess: () => {
        showToast('Display name saved.');
      },
    });
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Profile">
      <TextField label="Email" type="email" value={user.email} readOnly hint="Your email is your login." />
      <TextField
        label="Display name"
        name="displayName"
        autoComplete="name"
        maxLength={80}
        value={displayName}
        onChange={(event) => {
          setDisplayName(event.target.value);
        }}
        error={withLabel('Display name', fieldErrors.displayName)}
      />
      <FormError error={updateMutation.error} />
      <div>
        <Button type="submit" variant="primary" busy={updateMutation.isPending} disabled={displayName === user.displayName}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
