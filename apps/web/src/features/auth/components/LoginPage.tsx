/** /login: email and password; on success, back to `?next=` or to the workspace list. */
import { LoginBodySchema } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { safeNextPath, withNext } from '../../../lib/safe-next';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Button, FormError, TextField } from '../../../ui';
import { useLogin } from '../hooks/useAuthMutations';
import { AuthLayout } from './AuthLayout';

export function LoginPage() {
  useDocumentTitle('Log in');
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const loginMutation = useLogin();
  const [email, setEmail] = useState(searchParams.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const fieldErrors = { ...fieldErrorsFrom(loginMutation.error), ...clientErrors };

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(LoginBodySchema, { email, password });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    loginMutation.mutate(validation.data, { onSuccess: () => void navigate(next, { replace: true }) });
  }

  return (
    <AuthLayout title="Log in to Marginalia">
      <form className="stack" onSubmit={handleSubmit} noValidate>
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
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
          error={withLabel('Password', fieldErrors.password)}
        />
        <FormError error={loginMutation.error} />
        <Button type="submit" variant="primary" busy={loginMutation.isPending}>
          Log in
        </Button>
      </form>
      <p>
        <Link to={email ? `/forgot-password?email=${encodeURIComponent(email)}` : '/forgot-password'}>Forgot your password?</Link>
      </p>
      <p className="auth-layout__switch">
        New to Marginalia? <Link to={withNext('/register', next)}>Create an account</Link>
      </p>
    </AuthLayout>
  );
}
