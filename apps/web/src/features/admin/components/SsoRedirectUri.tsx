/**
 * For the "Single sign-on" group of the instance settings form (admin-core's page; wired in at
 * merge): the redirect URI to register at the provider, and whether the sign-in button is live.
 * The API builds the same URI from PUBLIC_URL, else from the origin the browser used.
 */
import { SSO_CALLBACK_PATH } from '@marginalia/shared';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { CopyField } from '../../../ui';

export function SsoRedirectUri() {
  const instance = useInstanceSettings();
  return (
    <div className="stack">
      <CopyField label="Redirect URI to register at the provider" value={`${window.location.origin}${SSO_CALLBACK_PATH}`} />
      <p className="muted">
        {instance.data?.sso.enabled
          ? `The login page shows “Sign in with ${instance.data.sso.label}”.`
          : 'Single sign-on is off until an issuer URL and a client id are set.'}{' '}
        If the provider fails while password sign-in is off, start the server with PASSWORD_SIGN_IN=true to log in with a password.
      </p>
    </div>
  );
}
