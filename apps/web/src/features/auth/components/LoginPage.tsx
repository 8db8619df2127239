/**
 * /login: email and password, and/or "Sign in with <provider>" when single sign-on is
 * configured; on success, back to `?next=` or to the workspace list. With password sign-in
 * turned off only the provider's button is shown.
 */
import { LoginBodySchema } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { safeNextPath, withNext } from '../../../lib/safe-next';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Button, FormError, LoadingState, TextField } from '../../../ui';
import { useLogin } from '../hooks/useAuthMutations';
import { AuthLayout } from './AuthLayout';
import { SsoError, SsoSignInLink } from './SsoSignIn';

export function LoginPage() {
  useDocumentTitle('Log in');
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const instance = useInstanceSettings();
  const navigate = useNavigate();
  const loginMutation = useLogin();
  const [email, setEmail] = useState(searchParams.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const fieldErrors = { ...fieldErrorsFrom(loginMutation.error), ...clientErrors };
  const sso = instance.data?.sso ?? { enabled: false, label: '' };
  // Until the settings are known, the password form is assumed (it is the default and the fallback).
  const passwordSignIn = instance.data?.passwordSignIn ?? true;

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

  if (instance.isPending) {
    return (
      <AuthLayout title="Log in to Marginalia">
        <LoadingState label="Loading sign-in options" />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Log in to Marginalia">
      <SsoError code={searchParams.get('sso_error')} />
      <SsoSignInLink sso={sso} next={next} />
      {sso.enabled && passwordSignIn && <p className="auth-layout__or">or with your email and password</p>}
      {passwordSignIn && (
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
          <Button type="submit" variant={sso.enabled ? 'secondary' : 'primary'} busy={loginMutation.isPending}>
            Log in
          </Button>
        </form>
      )}
      {passwordSignIn && (
        <p>
          <Link to={email ? `/forgot-password?email=${encodeURIComponent(email)}` : '/forgot-password'}>Forgot your password?</Link>
        </p>
      )}
      {passwordSignIn ? (
        <p className="auth-layout__switch">
          New to Marginalia? <Link to={withNext('/register', next)}>Create an account</Link>
        </p>
      ) : (
        <p className="auth-layout__switch">Accounts on this instance sign in through {sso.label}.</p>
      )}
    </AuthLayout>
  );
}
