/**
 * Credentials that stop being valid end the sockets that used them at once, not at the next
 * periodic re-check: the periodic check is set to an hour here, so only the immediate path can
 * pass. Covers logout, "log out everywhere", revoking one session, revoking a token, and an
 * admin disabling the account (which ends token sockets too).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { ApiClient, registerUser, TEST_PASSWORD, uniqueEmail, type TestUser } from './api-client.js';
import { CollabSession, nextEvent } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';

/**
 * A cap on the wait for the drop, which ends as soon as it comes: generous for a loaded CI
 * machine (2 s was not), and still far below the periodic re-check (an hour).
 */
const DROPPED_WITHIN_MS = 20_000;

let app: TestApp;
let session: CollabSession;
let admin: TestUser;
const adminEmail = uniqueEmail('revocation-admin');

beforeAll(async () => {
  app = await createTestApp({ COLLAB_REAUTHENTICATE_SECONDS: '3600', ADMIN_EMAIL: adminEmail });
  session = new CollabSession(app.baseUrl);
  admin = await registerUser(app.baseUrl, 'admin', adminEmail);
});

afterAll(async () => {
  session.close();
  await app.close();
});

/** The same person signed in a second time (another device): a session of its own. */
async function anotherDevice(user: TestUser): Promise<TestUser> {
  const client = new ApiClient(app.baseUrl);
  const response = await client.post('/auth/login', { email: user.email, password: TEST_PASSWORD });
  if (response.status !== 200 && response.status !== 201) throw new Error(`login failed: ${response.status}`);
  return { ...user, client };
}

function dropped(socket: Socket): Promise<string> {
  return nextEvent<string>(socket, 'disconnect', () => true, DROPPED_WITHIN_MS);
}

describe('revoked credentials end their sockets at once', () => {
  it('on logout, and only the logged-out session: another device of the same person stays', async () => {
    const user = await registerUser(app.baseUrl, 'leaver');
    const otherDevice = await anotherDevice(user);
    const leaving = await session.socket(user);
    const staying = await session.socket(otherDevice);
    const leavingDropped = dropped(leaving);
    expect((await user.client.post('/auth/logout')).status).toBe(204);
    expect(await leavingDropped).toBe('io server disconnect');
    // The other device's socket answers a round trip after the drop: it was checked and kept.
    expect(await staying.timeout(DROPPED_WITHIN_MS).emitWithAck('subscribe', { workspaceId: 'not-a-workspace' })).toMatchObject({ ok: false, error: 'not_found' });
    expect(staying.connected).toBe(true);
  });

  it('on "log out everywhere"', async () => {
    const user = await registerUser(app.baseUrl, 'everywhere');
    const socket = await session.socket(user);
    const gone = dropped(socket);
    expect((await user.client.post('/auth/logout-all')).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
  });

  it('when one session is revoked from the account page', async () => {
    const user = await registerUser(app.baseUrl, 'revoker');
    const laptop = await anotherDevice(user);
    const socket = await session.socket(laptop);
    const sessions = await user.client.get<{ sessions: { id: string; current: boolean }[] }>('/auth/sessions');
    const other = sessions.body.sessions.find((entry) => !entry.current);
    const gone = dropped(socket);
    expect((await user.client.delete(`/auth/sessions/${other!.id}`)).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
  });

  it('when the personal access token it used is revoked', async () => {
    const user = await registerUser(app.baseUrl, 'scripter');
    const created = await user.client.post<{ id: string; token: string }>('/auth/tokens', { name: 'sync script' });
    const socket = await session.socket(null, { token: created.body.token });
    const gone = dropped(socket);
    expect((await user.client.delete(`/auth/tokens/${created.body.id}`)).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
  });

  it('when an admin disables the account, for cookie and token sockets alike', async () => {
    const user = await registerUser(app.baseUrl, 'disabled');
    const created = await user.client.post<{ id: string; token: string }>('/auth/tokens', { name: 'script' });
    const cookieSocket = await session.socket(user);
    const tokenSocket = await session.socket(null, { token: created.body.token });
    const both = Promise.all([dropped(cookieSocket), dropped(tokenSocket)]);
    expect((await admin.client.patch(`/admin/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect(await both).toEqual(['io server disconnect', 'io server disconnect']);
  });
});
