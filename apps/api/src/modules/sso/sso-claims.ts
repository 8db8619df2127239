/**
 * What Marginalia reads from a provider's claims (ID token merged with userinfo): pure
 * functions, so each rule is tested on its own.
 */
import type { SsoErrorCode } from '@marginalia/shared';

export type Claims = Record<string, unknown>;

export interface SsoPerson {
  subject: string;
  email: string;
  displayName: string;
}

/**
 * `email_verified` is true (some providers send the string "true"). Entra ID sends no
 * `email_verified`; its optional claim `xms_edov` ("email domain owner verified") counts instead.
 */
export function emailIsVerified(claims: Claims): boolean {
  const verified = claims.email_verified ?? claims.xms_edov;
  return verified === true || verified === 'true';
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** Empty list: every domain; otherwise the domain itself must be listed (subdomains are not implied). */
export function domainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  return allowedDomains.length === 0 || allowedDomains.includes(emailDomain(email));
}

/**
 * `claim=value`: the claim equals the value, or is an array containing it. A dotted claim name
 * reads nested objects (Keycloak's `realm_access.roles=admin`) unless a claim by that exact name exists.
 */
export function hasAdminClaim(claims: Claims, adminClaim: string | null): boolean {
  if (adminClaim === null) return false;
  const separator = adminClaim.indexOf('=');
  const name = adminClaim.slice(0, separator);
  const expected = adminClaim.slice(separator + 1);
  const found = name in claims ? claims[name] : readPath(claims, name.split('.'));
  if (Array.isArray(found)) return found.some((item) => scalarEquals(item, expected));
  return scalarEquals(found, expected);
}

function scalarEquals(value: unknown, expected: string): boolean {
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && String(value) === expected;
}

function readPath(value: unknown, path: string[]): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The person the claims describe, or why they cannot sign in (before any account is looked at). */
export function personFromClaims(claims: Claims, allowedDomains: readonly string[]): SsoPerson | { refused: SsoErrorCode } {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (typeof claims.sub !== 'string' || claims.sub === '') return { refused: 'invalid-response' };
  if (!email.includes('@')) return { refused: 'no-email' };
  if (!emailIsVerified(claims)) return { refused: 'email-not-verified' };
  if (!domainAllowed(email, allowedDomains)) return { refused: 'domain-not-allowed' };
  return { subject: claims.sub, email, displayName: displayNameFrom(claims, email) };
}

function displayNameFrom(claims: Claims, email: string): string {
  for (const key of ['name', 'preferred_username', 'given_name']) {
    const value = claims[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 80);
  }
  return email.slice(0, email.indexOf('@')).slice(0, 80);
}

/** Where to land after signing in: an app path only (never another site, never `//host`). */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 2000) return '/';
  return value;
}
