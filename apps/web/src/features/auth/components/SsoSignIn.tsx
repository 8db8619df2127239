/**
 * Single sign-on on the login and registration pages: the "Sign in with <label>" link (a plain
 * link to the API, which redirects to the provider: a full page navigation, no form post, as the
 * CSP allows forms to post to this site only) and the reason a sign-in was refused, which the
 * API passes back as `?sso_error=<code>`.
 */
import { SSO_ERROR_MESSAGES, SSO_START_PATH, isSsoErrorCode, type InstanceSettings } from '@marginalia/shared';
import { Alert } from '../../../ui';

export function SsoSignInLink({ sso, next }: { sso: InstanceSettings['sso']; next: string }) {
  if (!sso.enabled) return null;
  return (
    <a className="btn btn--primary auth-layout__sso" href={`${SSO_START_PATH}?returnTo=${encodeURIComponent(next)}`}>
      Sign in with {sso.label}
    </a>
  );
}

export function SsoError({ code }: { code: string | null }) {
  if (!isSsoErrorCode(code)) return null;
  return (
    <Alert tone="danger" title="Single sign-on did not sign you in">
      <p>{SSO_ERROR_MESSAGES[code]}</p>
    </Alert>
  );
}
