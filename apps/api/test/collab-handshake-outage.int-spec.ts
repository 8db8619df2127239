/**
 * The socket handshake checks credentials in Postgres. When that check cannot be made (the
 * database refuses connections), the answer is "unavailable", which clients retry, never
 * "unauthorized", which tells a client its session is over. Bad credentials stay "unauthorized".
 * The outage is real: the test database stops accepting connections and its sessions are ended.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestUser } from './api-client.js';
import { registerUser } from './api-client.js';
import { connectSocket, connected } from './collab-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { TEST_SERVER_URL_ENV, withServer } from './test-database.js';

let app: TestApp;
let user: TestUser;
let token: string;

/** Stops (or restores) new connections to this file's database and ends the open ones. */
async function databaseReachable(reachable: boolean): Promise<void> {
  await withServer(process.env[TEST_SERVER_URL_ENV]!, async (client) => {
    await client.query(`ALTER DATABASE "${app.database.name}" ALLOW_CONNECTIONS ${reachable ? 'true' : 'false'}`);
    if (!reachable) await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [app.database.name]);
  });
}

async function handshakeAnswer(options: { user?: TestUser; token?: string }): Promise<string> {
  const socket = connectSocket(app.baseUrl, options.user ?? null, options.token ? { token: options.token } : {});
  try {
    await connected(socket);
    return 'connected';
  } catch (error) {
    return (error as Error).message;
  } finally {
    socket.disconnect();
  }
}

beforeAll(async () => {
  app = await createTestApp();
  user = await registerUser(app.baseUrl, 'outage');
  const created = await user.client.post<{ token: string }>('/auth/tokens', { name: 'handshake test' });
  if (created.status !== 201) throw new Error(`token: ${created.status} ${JSON.stringify(created.body)}`);
  token = created.body.token;
});

afterAll(async () => {
  await databaseReachable(true).catch(() => undefined);
  await app?.close();
});

describe('socket handshake while the database is down', () => {
  it('answers "unauthorized" for bad credentials while the database is up', async () => {
    expect(await handshakeAnswer({ token: 'mrg_not-a-real-token' })).toBe('unauthorized');
    expect(await handshakeAnswer({ user })).toBe('connected');
  });

  it('answers "unavailable" for cookie and token alike when credentials cannot be checked, and accepts them once it is back', async () => {
    await databaseReachable(false);
    expect(await handshakeAnswer({ user })).toBe('unavailable');
    expect(await handshakeAnswer({ token })).toBe('unavailable');
    await databaseReachable(true);
    expect(await handshakeAnswer({ user })).toBe('connected');
    expect(await handshakeAnswer({ token })).toBe('connected');
  });
});
