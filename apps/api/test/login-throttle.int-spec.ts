/**
 * Login throttling. Failures count per (account, client IP) and per IP, so someone guessing
 * from one place throttles only themselves: the real user elsewhere still signs in. Client
 * IPs are simulated with X-Forwarded-For, which the app honours only with TRUST_PROXY.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, TEST_PASSWORD, registerUser, uniqueEmail, type ApiResponse } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { expectApiError } from './fixtures.js';

const THROTTLED = 'too many failed login attempts; try again in 15 minutes';
const WRONG = 'email or password is incorrect';
const LIMITS = { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '5', LOGIN_THROTTLE_WINDOW_MINUTES: '15' };

let ipCounter = 0;
/** A client address of its own for each use, so tests never share counters. */
function freshIp(): string {
  ipCounter += 1;
  return `203.0.113.${ipCounter}`;
}

async function login(app: TestApp, ip: string, email: string, password = TEST_PASSWORD): Promise<ApiResponse & { client: ApiClient }> {
  const client = new ApiClient(app.baseUrl);
  client.forwardedFor = ip;
  return { ...(await client.post('/auth/login', { email, password })), client };
}

async function failTimes(app: TestApp, ip: string, email: string, times: number): Promise<void> {
  for (let attempt = 0; attempt < times; attempt += 1) {
    expectApiError(await login(app, ip, email, 'a wrong password'), 401, WRONG);
  }
}

describe('login throttling behind a trusted proxy', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ TRUST_PROXY: 'true', ...LIMITS });
  });
  afterAll(async () => {
    await app.close();
  });

  it("refuses an IP that keeps guessing an account's password, right password included, but not the real user elsewhere", async () => {
    const victim = await registerUser(app.baseUrl, 'victim');
    const attackerIp = freshIp();
    await failTimes(app, attackerIp, victim.email, 3);

    const guessed = await login(app, attackerIp, victim.email);
    expectApiError(guessed, 429, THROTTLED);
    expect(guessed.client.sessionCookie).toBeUndefined();

    const real = await login(app, freshIp(), victim.email);
    expect(real.status).toBe(200);
    expect((await real.client.get('/auth/me')).body.id).toBe(victim.id);
  });

  it('counts an account per IP: the same IP may still sign in to another account', async () => {
    const [guessed, other] = await Promise.all([registerUser(app.baseUrl, 'guessed'), registerUser(app.baseUrl, 'colleague')]);
    const sharedIp = freshIp();
    await failTimes(app, sharedIp, guessed.email, 3);
    expectApiError(await login(app, sharedIp, guessed.email), 429, THROTTLED);
    expect((await login(app, sharedIp, other.email)).status).toBe(200);
  });

  it('treats unknown emails like real ones, so throttling reveals no accounts', async () => {
    const ip = freshIp();
    const ghost = uniqueEmail('ghost');
    await failTimes(app, ip, ghost, 3);
    expectApiError(await login(app, ip, ghost, 'a wrong password'), 429, THROTTLED);
  });

  it('is not fooled by changing the case of the email', async () => {
    const user = await registerUser(app.baseUrl, 'casing');
    const ip = freshIp();
    for (const variant of [user.email.toUpperCase(), ` ${user.email} `, user.email.replace(/^./, (char) => char.toUpperCase())]) {
      expectApiError(await login(app, ip, variant, 'a wrong password'), 401, WRONG);
    }
    expectApiError(await login(app, ip, user.email), 429, THROTTLED);
  });

  it('refuses an IP that fails across many accounts, whoever signs in from it next', async () => {
    const user = await registerUser(app.baseUrl, 'sprayed');
    const sprayingIp = freshIp();
    for (let index = 0; index < 5; index += 1) await failTimes(app, sprayingIp, uniqueEmail('spray'), 1);
    expectApiError(await login(app, sprayingIp, user.email), 429, THROTTLED);
    expect((await login(app, freshIp(), user.email)).status).toBe(200);
  });

  it('starts the account count afresh after a successful login', async () => {
    const user = await registerUser(app.baseUrl, 'forgetful');
    const ip = freshIp();
    await failTimes(app, ip, user.email, 2);
    expect((await login(app, ip, user.email)).status).toBe(200);
    await failTimes(app, ip, user.email, 2);
    // Four failures in the window, but only two since the last success.
    expect((await login(app, ip, user.email)).status).toBe(200);
  });

  it('gives a burst of parallel guesses no more tries than a sequence', async () => {
    const user = await registerUser(app.baseUrl, 'burst');
    const ip = freshIp();
    const burst = await Promise.all(Array.from({ length: 12 }, () => login(app, ip, user.email, 'a wrong password')));
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
    // Whatever got through in parallel, the guesses checked in all never exceed the limit.
    let checked = statuses.filter((status) => status === 401).length;
    for (let response = await login(app, ip, user.email, 'a wrong password'); response.status !== 429; response = await login(app, ip, user.email, 'a wrong password')) {
      expectApiError(response, 401, WRONG);
      checked += 1;
    }
    expect(checked).toBe(3);
    expectApiError(await login(app, ip, user.email), 429, THROTTLED);
  });

  it('records the client IP from the proxy header on the session', async () => {
    const user = await registerUser(app.baseUrl, 'located');
    const ip = freshIp();
    const signedIn = await login(app, ip, user.email);
    const sessions = await signedIn.client.get('/auth/sessions');
    expect(sessions.body.sessions.find((session: { current: boolean }) => session.current).ip).toBe(ip);
  });
});

describe('login throttling without a trusted proxy', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp(LIMITS);
  });
  afterAll(async () => {
    await app.close();
  });

  it('ignores X-Forwarded-For, so rotating it does not escape the limit', async () => {
    const user = await registerUser(app.baseUrl, 'spoofed');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expectApiError(await login(app, freshIp(), user.email, 'a wrong password'), 401, WRONG);
    }
    expectApiError(await login(app, freshIp(), user.email), 429, THROTTLED);
  });
});
