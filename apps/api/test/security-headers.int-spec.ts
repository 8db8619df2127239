/**
 * The headers that bound what a page of the app may do (CSP, Permissions-Policy, HSTS over
 * https only), and the public instance settings the client adapts its Markdown to.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './create-test-app.js';

describe('security headers and instance settings', () => {
  let app: TestApp;
  let withImages: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ TRUST_PROXY: 'true' });
    withImages = await createTestApp({ MARKDOWN_REMOTE_IMAGES: 'true', REGISTRATION: 'invite-only' });
  });
  afterAll(async () => {
    await Promise.all([app.close(), withImages.close()]);
  });

  it('sends a CSP without inline script or framing, and a Permissions-Policy, on every response', async () => {
    for (const path of ['/api/health', '/api/nothing-here', '/api/instance']) {
      const response = await fetch(`${app.baseUrl}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp.split('; ')).toEqual(expect.arrayContaining(["script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "img-src 'self' data: blob:"]));
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('sends HSTS only when the request came over https', async () => {
    expect((await fetch(`${app.baseUrl}/api/health`)).headers.get('strict-transport-security')).toBeNull();
    const proxied = await fetch(`${app.baseUrl}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('tells the client whether remote images may show, and lets the CSP load them only then', async () => {
    expect(await (await fetch(`${app.baseUrl}/api/instance`)).json()).toMatchObject({ registration: 'open', markdownRemoteImages: false, passwordSignIn: true, email: false, sso: { enabled: false } });
    const response = await fetch(`${withImages.baseUrl}/api/instance`);
    expect(await response.json()).toMatchObject({ registration: 'invite-only', markdownRemoteImages: true });
    expect(response.headers.get('content-security-policy')).toContain("img-src 'self' data: blob: https:");
  });
});
