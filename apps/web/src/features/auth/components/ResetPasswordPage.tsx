/**
 * /reset-password/:token: sets a new password through a one-time link (emailed, or handed over
 * by an administrator), which signs this browser in and every other session out.
 */
import { PASSWORD_MIN_LENGTH, ResetPasswordBodySchema } from '@marginalia/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Button, ErrorState, FormError, LoadingState, TextField } from '../../../ui';
import { previewPasswordReset } from '../api';
import { useResetPassword } from '../hooks/useAuthMutations';
import { AuthLayout } from './AuthLayout';

export function ResetPasswordPage() {
  useDocumentTitle('Set a new password');
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const preview = useQuery({ queryKey: ['password-reset', token], queryFn: () => previewPasswordReset(token), retry: false });
  const resetMutation = useResetPassword();
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(resetMutation.error), ...clientErrors };

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(ResetPasswordBodySchema, { token, password });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    resetMutation.mutate(validation.data, { onSuccess: () => void navigate('/workspaces', { replace: true }) });
  }

  return (
    <AuthLayout title="Set a new password">
      {preview.isPending && <LoadingState label="Checking the link…" />}
      {preview.error && (
        <>
          <ErrorState title="This link cannot be used" error={preview.error} />
          <p>
            <Link to="/forgot-password">Ask for a new link</Link> or <Link to="/login">log in</Link>.
          </p>
        </>
      )}
      {preview.data && (
        <form className="stack" onSubmit={handleSubmit} noValidate>
          <p>
            For <strong>{preview.data.email}</strong>. The link works once, until {formatDateTime(preview.data.expiresAt)}; setting a new password signs you
            out everywhere else.
          </p>
          {/* The account's email, for password managers; not editable. */}
          <input type="email" name="email" autoComplete="username" value={preview.data.email} readOnly hidden />
          <TextField
            label="New password"
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            hint={`At least ${String(PASSWORD_MIN_LENGTH)} characters.`}
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
            error={withLabel('New password', fieldErrors.password)}
          />
          <FormError error={resetMutation.error} />
          <Button type="submit" variant="primary" busy={resetMutation.isPending}>
            Set password and log in
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
