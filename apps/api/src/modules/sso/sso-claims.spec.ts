import { describe, expect, it } from '@jest/globals';
import { domainAllowed, emailIsVerified, hasAdminClaim, personFromClaims, safeReturnTo } from './sso-claims.js';

describe('sso claims', () => {
  it('accepts a verified email only', () => {
    expect(emailIsVerified({ email_verified: true })).toBe(true);
    expect(emailIsVerified({ email_verified: 'true' })).toBe(true);
    expect(emailIsVerified({ xms_edov: true })).toBe(true);
    expect(emailIsVerified({ email_verified: false, xms_edov: true })).toBe(false);
    expect(emailIsVerified({})).toBe(false);
  });

  it('allows listed domains exactly, or every domain when none is listed', () => {
    expect(domainAllowed('a@uni.example', [])).toBe(true);
    expect(domainAllowed('a@UNI.example', ['uni.example'])).toBe(true);
    expect(domainAllowed('a@cs.uni.example', ['uni.example'])).toBe(false);
    expect(domainAllowed('a@evil.example', ['uni.example'])).toBe(false);
  });

  it('matches the admin claim as a value, in an array, or along a dotted path', () => {
    expect(hasAdminClaim({ groups: ['staff', 'marginalia-admins'] }, 'groups=marginalia-admins')).toBe(true);
    expect(hasAdminClaim({ groups: ['staff'] }, 'groups=marginalia-admins')).toBe(false);
    expect(hasAdminClaim({ role: 'admin' }, 'role=admin')).toBe(true);
    expect(hasAdminClaim({ realm_access: { roles: ['admin'] } }, 'realm_access.roles=admin')).toBe(true);
    expect(hasAdminClaim({ groups: ['marginalia-admins'] }, null)).toBe(false);
  });

  it('describes the person or names the refusal', () => {
    expect(personFromClaims({ sub: 's1', email: 'Ana@Uni.example', email_verified: true, name: 'Ana' }, ['uni.example'])).toEqual({ subject: 's1', email: 'ana@uni.example', displayName: 'Ana' });
    expect(personFromClaims({ sub: 's1', email: 'ana@uni.example', email_verified: false }, [])).toEqual({ refused: 'email-not-verified' });
    expect(personFromClaims({ sub: 's1', email_verified: true }, [])).toEqual({ refused: 'no-email' });
    expect(personFromClaims({ sub: 's1', email: 'ana@other.example', email_verified: true }, ['uni.example'])).toEqual({ refused: 'domain-not-allowed' });
    expect(personFromClaims({ sub: 's1', email: 'ana@uni.example', email_verified: true }, [])).toMatchObject({ displayName: 'ana' });
  });

  it('lands only on app paths', () => {
    expect(safeReturnTo('/w/abc?x=1')).toBe('/w/abc?x=1');
    expect(safeReturnTo('//evil.example')).toBe('/');
    expect(safeReturnTo('https://evil.example')).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
  });
});
