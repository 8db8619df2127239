/**
 * The HTTP edge against hostile browsers and clients: bodies must be JSON (a cross-site HTML
 * form can only send text/plain, urlencoded or multipart), public routes that sign someone in
 * refuse cross-site requests (login CSRF), and no body is read before the caller is
 * authenticated and authorized (an anonymous 12 MB paste is answered 401 before it is sent).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CSRF_HEADER, SESSION_COOKIE } from '@marginalia/shared';
import { ApiClient, TEST_PASSWORD, registerUser, uniqueEmail, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, registerCast, type Cast } from './fixtures.js';
import { CROSS_SITE_REFUSED } from '../src/http/cross-site.js';
import { JSON_ONLY } from '../src/http/request-body.js';

describe('HTTP edge: body types, cross-site requests, bodies read after authorization', () => {
  let app: TestApp;
  let cast: Cast;
  let workspaceId: string;
  let scripted: ApiClient;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'edge-');
    workspaceId = await createCastWorkspace(cast);
    const token = await cast.owner.client.post<{ token: string }>('/auth/tokens', { name: 'edge script' });
    scripted = new ApiClient(app.baseUrl);
    scripted.bearer = token.body.token;
  });
  afterAll(async () => {
    await app.close();
  });

  const sessionCount = async (): Promise<number> => Number(((await app.dataSource.query('SELECT count(*)::int AS n FROM sessions')) as { n: number }[])[0]!.n);
  const userCount = async (): Promise<number> => Number(((await app.dataSource.query('SELECT count(*)::int AS n FROM users')) as { n: number }[])[0]!.n);

  /** What an HTML form on another site can send, with its browser's headers. */
  const FORM_BODIES = [
    { label: 'urlencoded', contentType: 'application/x-www-form-urlencoded', body: (fields: Record<string, string>) => new URLSearchParams(fields).toString() },
    { label: 'text/plain', contentType: 'text/plain', body: (fields: Record<string, string>) => `${JSON.stringify(fields).slice(0, -1)},"pad":"=x"}` },
    { label: 'multipart', contentType: 'multipart/form-data; boundary=b', body: (fields: Record<string, string>) => `${Object.entries(fields).map(([name, value]) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--b--\r\n` },
  ];

  describe('bodies must be JSON', () => {
    it.each(FORM_BODIES)('refuses a $label login or registration with 415 and signs nobody in', async ({ contentType, body }) => {
      const victim = await registerUser(app.baseUrl, 'formvictim');
      const [sessionsBefore, usersBefore] = [await sessionCount(), await userCount()];
      const anonymous = new ApiClient(app.baseUrl);
      const login = await anonymous.request('POST', '/auth/login', body({ email: victim.email, password: TEST_PASSWORD }), { headers: { 'content-type': contentType } });
      expectApiError(login, 415, JSON_ONLY);
      expect(login.headers.getSetCookie().join()).not.toContain(SESSION_COOKIE);
      const register = await anonymous.request('POST', '/auth/register', body({ email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'Form' }), { headers: { 'content-type': contentType } });
      expectApiError(register, 415, JSON_ONLY);
      expect([await sessionCount(), await userCount()]).toEqual([sessionsBefore, usersBefore]);
    });

    it.each([
      { label: 'POST /workspaces', method: 'POST', path: () => '/workspaces' },
      { label: 'PATCH /workspaces/:id', method: 'PATCH', path: () => `/workspaces/${workspaceId}` },
      { label: 'PATCH /auth/me', method: 'PATCH', path: () => '/auth/me' },
    ])('$label refuses a non-JSON body with 415, whatever the credentials', async ({ method, path }) => {
      for (const { contentType, body } of FORM_BODIES) {
        const response = await scripted.request(method, path(), body({ name: 'Renamed', displayName: 'Renamed' }), { headers: { 'content-type': contentType } });
        expectApiError(response, 415, JSON_ONLY);
      }
      expect((await cast.owner.client.get(`/workspaces/${workspaceId}`)).body.name).toBe('Interviews');
    });

    it('still takes a JSON body, and a write without one', async () => {
      expect((await scripted.patch('/auth/me', { displayName: 'Owner Again' })).status).toBe(200);
      const other = await registerUser(app.baseUrl, 'emptypost');
      expect((await other.client.post('/auth/logout')).status).toBe(204);
    });
  });

  describe('cross-site requests to the public auth routes', () => {
    let victim: TestUser;
    beforeAll(async () => {
      victim = await registerUser(app.baseUrl, 'csrfvictim');
    });
    const ours = (): string => new URL(app.baseUrl).origin;

    it.each([
      { label: 'a cross-site fetch', headers: () => ({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }) },
      { label: 'a sibling subdomain', headers: () => ({ origin: 'https://evil.app.example', 'sec-fetch-site': 'same-site' }) },
      { label: 'an older browser (Origin only)', headers: () => ({ origin: 'https://evil.example' }) },
      { label: 'a sandboxed frame (Origin: null)', headers: () => ({ origin: 'null' }) },
      { label: 'Sec-Fetch-Site only', headers: () => ({ 'sec-fetch-site': 'cross-site' }) },
    ])('refuses $label with 403, even with a JSON body', async ({ headers }) => {
      const sessionsBefore = await sessionCount();
      const anonymous = new ApiClient(app.baseUrl);
      expectApiError(await anonymous.post('/auth/login', { email: victim.email, password: TEST_PASSWORD }, { headers: headers() }), 403, CROSS_SITE_REFUSED);
      expectApiError(await anonymous.post('/auth/register', { email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'X' }, { headers: headers() }), 403, CROSS_SITE_REFUSED);
      expect(await sessionCount()).toBe(sessionsBefore);
    });

    it.each([
      { label: 'the app itself', headers: () => ({ origin: ours(), 'sec-fetch-site': 'same-origin' }) },
      { label: 'a typed-in request', headers: () => ({ 'sec-fetch-site': 'none' }) },
      { label: 'a script (no browser headers)', headers: () => ({}) },
    ])('lets $label sign in', async ({ headers }) => {
      const response = await new ApiClient(app.baseUrl).post('/auth/login', { email: victim.email, password: TEST_PASSWORD }, { headers: headers() });
      expect(response.status).toBe(200);
    });
  });

  describe('bodies are read only after authorization', () => {
    /**
     * Announces a large JSON body, sends only its first chunk and waits for the answer: a
     * server that read the body before checking the caller would wait for the rest forever
     * (and the test would time out).
     */
    function announceLargeBody(path: string, headers: Record<string, string>, announcedBytes: number): Promise<{ status: number; body: string }> {
      const { hostname, port } = new URL(app.baseUrl);
      return new Promise((resolve, reject) => {
        const request = http.request({ hostname, port, path: `/api${path}`, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(announcedBytes), ...headers } });
        request.on('response', (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => {
            request.destroy();
            resolve({ status: response.statusCode ?? 0, body });
          });
        });
        request.on('error', reject);
        request.write(`{"text":"${'x'.repeat(64 * 1024)}`);
      });
    }
    const cookieHeaders = (user: TestUser): Record<string, string> => ({ cookie: `${SESSION_COOKIE}=${user.client.sessionCookie}`, [CSRF_HEADER]: user.client.csrfToken! });
    const MB = 1024 * 1024;

    it('answers an anonymous 12 MB paste 401 before the body has been sent', async () => {
      const answer = await announceLargeBody(`/workspaces/${workspaceId}/imports`, {}, 12 * MB);
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ message: 'sign in first (session cookie or Bearer token)' });
    });

    it('answers an outsider 404 and a viewer 403 before reading their paste', async () => {
      const outsider = await announceLargeBody(`/workspaces/${workspaceId}/imports`, cookieHeaders(cast.outsider), 12 * MB);
      expect([outsider.status, JSON.parse(outsider.body).message]).toEqual([404, 'workspace not found']);
      const viewer = await announceLargeBody(`/workspaces/${workspaceId}/imports`, cookieHeaders(cast.viewer), 12 * MB);
      expect(viewer.status).toBe(403);
      const stored = (await app.dataSource.query('SELECT count(*)::int AS n FROM import_jobs WHERE workspace_id = $1', [workspaceId])) as { n: number }[];
      expect(stored[0]!.n).toBe(0);
    });

    it('answers anonymous bodies on every other route before reading them', async () => {
      const answer = await announceLargeBody('/workspaces', {}, MB - 1);
      expect(answer.status).toBe(401);
    });
  });
});
