/**
 * Why a single sign-on was refused. The API redirects to `/login?sso_error=<code>` and writes
 * the code to the instance audit log; the login page shows the sentence. One list for both.
 */
export const SSO_ERROR_MESSAGES = {
  'not-configured': 'Single sign-on is not configured on this instance.',
  'provider-unreachable': 'The sign-in provider could not be reached. Try again later, or tell your administrator.',
  'missing-state': 'This sign-in had expired or was started in another browser. Please start again.',
  'bad-state': 'This sign-in answer did not match the one this browser started, so it was refused. Please start again.',
  'provider-error': 'The sign-in provider refused or cancelled the sign-in.',
  'invalid-response': 'The answer from the sign-in provider could not be verified. Please start again.',
  'no-email': 'The sign-in provider did not tell us your email address, which Marginalia needs to find your account.',
  'email-not-verified': 'Your email address is not verified at the sign-in provider, so it cannot be used to sign in here.',
  'domain-not-allowed': 'Accounts from your email domain may not sign in to this instance.',
  'no-account': 'There is no account for your email address on this instance, and single sign-on does not create accounts here. Ask an administrator to invite you.',
  'account-disabled': 'This account has been disabled by an administrator.',
  'identity-conflict': 'An account with your email address is already linked to another identity at this provider. Ask an administrator for help.',
} as const;

export type SsoErrorCode = keyof typeof SSO_ERROR_MESSAGES;

export function isSsoErrorCode(value: unknown): value is SsoErrorCode {
  return typeof value === 'string' && Object.hasOwn(SSO_ERROR_MESSAGES, value);
}

/** Where the sign-in button sends the browser (a plain link: the CSP allows form posts to 'self' only). */
export const SSO_START_PATH = '/api/auth/oidc/start';
export const SSO_CALLBACK_PATH = '/api/auth/oidc/callback';

/** Shown when a password login or registration is refused because password sign-in is off. */
export const PASSWORD_SIGN_IN_OFF_MESSAGE = 'password sign-in is turned off on this instance: sign in with the single sign-on button';

/**
 * Password sign-in is offered unless it is turned off *and* single sign-on is configured: turning it
 * off without a provider would lock everyone out. (PASSWORD_SIGN_IN=true in the environment wins
 * over the saved setting: the way back in when the provider fails.)
 */
export function passwordSignInOffered(settings: { passwordSignIn: boolean; oidcIssuer: string | null; oidcClientId: string | null }): boolean {
  return settings.passwordSignIn || settings.oidcIssuer === null || settings.oidcClientId === null;
}
