/**
 * /register: the password rule is shown up front and checked with the same shared schema the
 * API uses; an invite link can pre-fill the email with `?email=`, and coming from one
 * (`?next=/invites/<token>`) sends its token, which an invite-only instance requires; so does an
 * instance invitation link (`?invite=<token>`, from an administrator).
 */
import { PASSWORD_MIN_LENGTH, RegisterBodySchema } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { safeNextPath, withNext } from '../../../lib/safe-next';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Alert, Button, FormError, TextField } from '../../../ui';
import { useRegister } from '../hooks/useAuthMutations';
import { AuthLayout } from './AuthLayout';
import { SsoSignInLink } from './SsoSignIn';

export function RegisterPage() {
  useDocumentTitle('Create an account');
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const registerMutation = useRegister();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState(searchParams.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const fieldErrors = { ...fieldErrorsFrom(registerMutation.error), ...clientErrors };
  const instance = useInstanceSettings();
  const registration = instance.data?.registration;
  const hasInvite = /^\/invites\//.test(next) || searchParams.has('invite');

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const workspaceInvite = /^\/invites\/([^/?#]+)$/.exec(next)?.[1];
    const inviteToken = workspaceInvite ? decodeURIComponent(workspaceInvite) : (searchParams.get('invite') ?? undefined);
    const validation = validateWith(RegisterBodySchema, { displayName, email, password, ...(inviteToken ? { inviteToken } : {}) });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    registerMutation.mutate(validation.data, { onSuccess: () => void navigate(next, { replace: true }) });
  }

  // Password sign-in off: accounts come from the single sign-on provider (created on first sign-in when allowed).
  if (instance.data && !instance.data.passwordSignIn) {
    return (
      <AuthLayout title="Create your account" intro={<p>Accounts on this instance are made by signing in through {instance.data.sso.label}.</p>}>
        <SsoSignInLink sso={instance.data.sso} next={next} />
      </AuthLayout>
    );
  }

  if (registration === 'closed') {
    return (
      <AuthLayout title="Registration is closed" intro={<p>This Marginalia server does not take new accounts. Ask its administrator for one.</p>}>
        <p className="auth-layout__switch">
          Already have an account? <Link to={withNext('/login', next)}>Log in</Link>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Create your account" intro={<p>Study a corpus together with your research team.</p>}>
      {registration === 'invite-only' && !hasInvite && (
        <Alert tone="info" title="An invitation is needed">
          <p>On this server only invited people can register: open the invite link you were sent and register with the invited email.</p>
        </Alert>
      )}
      <form className="stack" onSubmit={handleSubmit} noValidate>
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="name"
          required
          maxLength={80}
          hint="Shown to the people you work with."
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.target.value);
          }}
          error={withLabel('Display name', fieldErrors.displayName)}
        />
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
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          hint={`At least ${String(PASSWORD_MIN_LENGTH)} characters. A few unrelated words make a strong, memorable password.`}
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
          error={withLabel('Password', fieldErrors.password)}
        />
        <FormError error={registerMutation.error} />
        <Button type="submit" variant="primary" busy={registerMutation.isPending}>
          Create account
        </Button>
      </form>
      <p className="auth-layout__switch">
        Already have an account? <Link to={withNext('/login', next)}>Log in</Link>
      </p>
    </AuthLayout>
  );
}
