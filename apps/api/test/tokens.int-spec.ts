/**
 * Personal access tokens for scripts: shown once, stored as a hash, accepted as Bearer
 * without the CSRF header, and dead the moment they are revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PERSONAL_TOKEN_PREFIX } from '@marginalia/shared';
import { ApiClient, registerUser, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { expectApiError, sha256 } from './fixtures.js';

const UNAUTHENTICATED = 'sign in first (session cookie or Bearer token)';

describe('personal access tokens', () => {
  let app: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    [alice, bob] = await Promise.all([registerUser(app.baseUrl, 'alice'), registerUser(app.baseUrl, 'bob')]);
  });
  afterAll(async () => {
    await app.close();
  });

  function script(token: string): ApiClient {
    const client = new ApiClient(app.baseUrl);
    client.bearer = token;
    return client;
  }

  async function createToken(user: TestUser, name = 'backup script'): Promise<{ id: string; token: string }> {
    const response = await user.client.post('/auth/tokens', { name });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('shows the secret once, at creation, and stores only its hash', async () => {
    const created = await alice.client.post('/auth/tokens', { name: '  nightly export  ' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'nightly export', prefix: expect.any(String), token: expect.any(String), createdAt: expect.any(String), lastUsedAt: null });
    const { token, prefix, id } = created.body as { token: string; prefix: string; id: string };
    expect(token.startsWith(PERSONAL_TOKEN_PREFIX)).toBe(true);
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(token.startsWith(prefix)).toBe(true);

    const list = await alice.client.get('/auth/tokens');
    expect(list.body.tokens).toContainEqual({ id, name: 'nightly export', prefix, createdAt: created.body.createdAt, lastUsedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(token);

    const rows = (await app.dataSource.query('SELECT token_hash, row_to_json(personal_tokens)::text AS row FROM personal_tokens WHERE id = $1', [id])) as { token_hash: string; row: string }[];
    expect(rows[0]?.token_hash).toBe(sha256(token));
    expect(rows[0]?.row).not.toContain(token);
  });

  it('authenticates a script as its owner, writes included, without any CSRF header', async () => {
    const { id, token } = await createToken(alice);
    const client = script(token);
    const me = await client.get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: alice.id, email: alice.email });

    const created = await client.post('/workspaces', { name: 'Made by a script' });
    expect(created.status).toBe(201);
    expect((await client.patch(`/workspaces/${created.body.id}`, { description: 'nightly' })).status).toBe(200);
    const seenByBrowser = await alice.client.get(`/workspaces/${created.body.id}`);
    expect(seenByBrowser.body).toMatchObject({ name: 'Made by a script', description: 'nightly', myRole: 'owner' });

    const listed = await alice.client.get('/auth/tokens');
    expect(listed.body.tokens.find((summary: { id: string }) => summary.id === id).lastUsedAt).toEqual(expect.any(String));
  });

  it('cannot create further tokens: that needs a signed-in session', async () => {
    const { token } = await createToken(alice);
    const countTokens = async (): Promise<number> => ((await app.dataSource.query('SELECT count(*)::int AS n FROM personal_tokens WHERE user_id = $1', [alice.id])) as { n: number }[])[0]!.n;
    const before = await countTokens();
    expectApiError(await script(token).post('/auth/tokens', { name: 'spawned' }), 403, 'this needs a signed-in session; a personal access token cannot do it');
    expect(await countTokens()).toBe(before);
    // Everything else a script does still works, reading its tokens included.
    expect((await script(token).get('/auth/tokens')).status).toBe(200);
  });

  it('stops working the moment it is revoked', async () => {
    const { id, token } = await createToken(alice);
    const client = script(token);
    expect((await client.get('/auth/me')).status).toBe(200);
    expect((await alice.client.delete(`/auth/tokens/${id}`)).status).toBe(204);
    expectApiError(await client.get('/auth/me'), 401, UNAUTHENTICATED);
    expectApiError(await client.post('/workspaces', { name: 'Too late' }), 401, UNAUTHENTICATED);
    expect((await alice.client.get('/auth/tokens')).body.tokens.map((summary: { id: string }) => summary.id)).not.toContain(id);
    expectApiError(await alice.client.delete(`/auth/tokens/${id}`), 404, 'no such token');
  });

  it.each([
    { label: 'an unknown token', header: `${PERSONAL_TOKEN_PREFIX}${'x'.repeat(43)}` },
    { label: 'a token without the prefix', header: 'not-a-token' },
    { label: 'a session secret passed as a token', header: 'session' },
  ])('refuses $label with 401', async ({ header }) => {
    const value = header === 'session' ? (alice.client.sessionCookie ?? '') : header;
    const client = script(value);
    expectApiError(await client.get('/auth/me'), 401, UNAUTHENTICATED);
    expectApiError(await client.post('/workspaces', { name: 'Nope' }), 401, UNAUTHENTICATED);
  });

  it("cannot revoke or list another account's tokens", async () => {
    const bobs = await createToken(bob, "bob's script");
    expectApiError(await alice.client.delete(`/auth/tokens/${bobs.id}`), 404, 'no such token');
    expect((await script(bobs.token).get('/auth/me')).body.id).toBe(bob.id);
    const alicesList = await alice.client.get('/auth/tokens');
    expect(alicesList.body.tokens.map((summary: { id: string }) => summary.id)).not.toContain(bobs.id);
  });

  it.each([
    { label: 'an empty name', body: { name: '' }, message: /^invalid request body: name must not be empty$/ },
    { label: 'a blank name', body: { name: '    ' }, message: /^invalid request body: name must not be empty$/ },
    { label: 'an 81-character name', body: { name: 'x'.repeat(81) }, message: /^invalid request body: name / },
    { label: 'no name', body: {}, message: /^invalid request body: name / },
    { label: 'an unknown field', body: { name: 'ok', scopes: ['all'] }, message: /unknown field\(s\): scopes/ },
  ])('refuses to create a token with $label: 400', async ({ body, message }) => {
    const before = (await alice.client.get('/auth/tokens')).body.tokens.length;
    expectApiError(await alice.client.post('/auth/tokens', body), 400, message);
    expect((await alice.client.get('/auth/tokens')).body.tokens).toHaveLength(before);
  });

  it('needs a CSRF header to create a token from a browser session', async () => {
    const before = (await alice.client.get('/auth/tokens')).body.tokens.length;
    expectApiError(await alice.client.post('/auth/tokens', { name: 'forged' }, { withoutCsrf: true }), 403, /x-csrf-token/);
    expect((await alice.client.get('/auth/tokens')).body.tokens).toHaveLength(before);
  });
});
