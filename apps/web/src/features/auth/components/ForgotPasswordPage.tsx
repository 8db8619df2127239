/**
 * /forgot-password: asks for a reset link by email. The answer is the same whether or not an
 * account exists. Without email on the instance, it says to ask an administrator for a link.
 */
import { ForgotPasswordBodySchema } from '@marginalia/shared';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Alert, Button, FormError, LoadingState, TextField } from '../../../ui';
import { forgotPassword } from '../api';
import { AuthLayout } from './AuthLayout';

export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password');
  const [searchParams] = useSearchParams();
  const instance = useInstanceSettings();
  const [email, setEmail] = useState(searchParams.get('email') ?? '');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const requestMutation = useMutation({ mutationFn: forgotPassword });
  const fieldErrors = { ...fieldErrorsFrom(requestMutation.error), ...clientErrors };

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(ForgotPasswordBodySchema, { email });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    requestMutation.mutate(validation.data);
  }

  return (
    <AuthLayout title="Forgot your password?">
      {instance.isPending && <LoadingState label="Loading…" />}
      {instance.data && !instance.data.email && (
        <Alert tone="info" title="Ask an administrator">
          <p>This instance does not send email. An administrator of this instance can give you a link to set a new password.</p>
        </Alert>
      )}
      {instance.data?.email && requestMutation.isSuccess && (
        <Alert tone="success" title="Check your inbox">
          <p>If an account exists for {email}, we sent it a link to set a new password. The link works once, within an hour.</p>
        </Alert>
      )}
      {instance.data?.email && !requestMutation.isSuccess && (
        <form className="stack" onSubmit={handleSubmit} noValidate>
          <p>Enter the email of your account and we will send you a link to set a new password.</p>
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
            error={withLabel('Email', fieldErrors.email)}
          />
          <FormError error={requestMutation.error} />
          <Button type="submit" variant="primary" busy={requestMutation.isPending}>
            Send me a link
          </Button>
        </form>
      )}
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </AuthLayout>
  );
}
