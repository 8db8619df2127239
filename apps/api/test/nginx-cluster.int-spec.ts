/**
 * Two API nodes behind the repository's nginx configuration (infra/nginx/marginalia.conf,
 * derived for plain HTTP on a free, non-default port; see nginx-process.ts), as an operator
 * runs them: REST and websockets through the proxy with the browser's Origin, a plain
 * socket.io-client that starts with long-polling and upgrades (the only traffic that needs
 * stickiness), and a node stopping while people edit. Needs Redis and nginx: CI has both
 * (.ci/run installs nginx); elsewhere a missing one skips this file with a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COLLAB_NAMESPACE, COLLAB_SOCKET_PATH, SESSION_COOKIE } from '@marginalia/shared';
import { io, type Socket } from 'socket.io-client';
import { API_STARTUP_TIMEOUT_MS, killAllApiProcesses, startApiProcess, type ApiProcess } from './api-process.js';
import { connectSocket, connected, eventually, notebookOf, YClient } from './collab-client.js';
import { createCastWorkspace, registerCast, type Cast } from './fixtures.js';
import { findNginx, startNginx, type NginxProcess } from './nginx-process.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const REDIS_URL = process.env.REDIS_URL;
/** A cap on waits for an edit to arrive (each ends as soon as it does), generous for a loaded machine. */
const ARRIVAL_MS = 20_000;
const CI = Boolean(process.env.CI && process.env.CI !== 'false');
if (CI && !REDIS_URL) throw new Error('REDIS_URL is not set: CI must run the nginx two-node test');
if (CI && !findNginx()) throw new Error('nginx is not installed: CI must run the nginx two-node test (.ci/run installs it)');
const runnable = Boolean(REDIS_URL && findNginx());
if (!runnable) console.warn(`nginx-cluster.int-spec.ts SKIPPED: ${REDIS_URL ? '' : 'REDIS_URL is not set. '}${findNginx() ? '' : 'nginx is not installed (apt-get install -y nginx).'}`);
const describeRunnable = runnable ? describe : describe.skip;

let database: TestDatabase;
let nodes: ApiProcess[];
let proxy: NginxProcess;
let cast: Cast;
let notebook: string;
const sockets: Socket[] = [];
const clients: YClient[] = [];

/** A browser tab's socket through the proxy: its cookie and the proxy's origin. */
async function browserSocket(user: Cast[keyof Cast], via = proxy.baseUrl): Promise<Socket> {
  const socket = connectSocket(via, user, { origin: via });
  sockets.push(socket);
  await connected(socket);
  return socket;
}

async function joined(socket: Socket, from?: YClient): Promise<YClient> {
  const client = from ? YClient.continuing(from, socket) : new YClient(socket, notebook);
  clients.push(client);
  const answer = await client.join();
  if (!answer.ok) throw new Error(`join failed: ${answer.error}`);
  return client;
}

function append(client: YClient, text: string): Promise<{ ok: boolean }> {
  return client.edit((doc) => doc.getText('markdown').insert(doc.getText('markdown').length, text));
}

describeRunnable('two nodes behind the repository nginx configuration', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    nodes = await Promise.all([0, 1].map(() => startApiProcess({ databaseUrl: database.url, redisUrl: REDIS_URL, env: { TRUST_PROXY: 'true' } })));
    proxy = await startNginx(nodes.map((node) => node.baseUrl));
    cast = await registerCast(proxy.baseUrl, 'nginx');
    notebook = await notebookOf(cast.owner, await createCastWorkspace(cast, 'Behind nginx'));
  }, API_STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const socket of sockets) socket.disconnect();
    await proxy?.stop();
    await killAllApiProcesses();
    await database?.drop();
  });

  it('serves REST and browser websockets on a non-default port, and edits reach the other people', async () => {
    expect(new URL(proxy.baseUrl).port).not.toBe('');
    const me = await cast.editor.client.get<{ email: string }>('/auth/me');
    expect(me.body.email).toBe(cast.editor.email);
    const first = await joined(await browserSocket(cast.editor));
    const second = await joined(await browserSocket(cast.admin));
    expect(await append(first, 'From the first tab. ')).toEqual({ ok: true });
    await eventually(() => second.content.includes('From the first tab. '), ARRIVAL_MS, 'the edit in the second tab');
    expect(await append(second, 'From the second tab. ')).toEqual({ ok: true });
    await eventually(() => first.content.includes('From the second tab. '), ARRIVAL_MS, 'the edit in the first tab');
  });

  it('keeps a long-polling client on one node until it upgrades to a websocket', async () => {
    const socket = io(`${proxy.baseUrl}${COLLAB_NAMESPACE}`, {
      path: COLLAB_SOCKET_PATH,
      // socket.io-client's default: HTTP long-polling first, then an upgrade.
      transports: ['polling', 'websocket'],
      extraHeaders: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(cast.viewer.client.sessionCookie ?? '')}` },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const upgraded = new Promise<string>((resolve) => socket.io.engine?.once('upgrade', () => resolve(socket.io.engine.transport.name)));
    await connected(socket);
    expect(socket.io.engine.transport.name === 'websocket' || (await upgraded) === 'websocket').toBe(true);
    const reader = await joined(socket);
    const writer = await joined(await browserSocket(cast.editor));
    expect(await append(writer, 'For the polling reader. ')).toEqual({ ok: true });
    await eventually(() => reader.content.includes('For the polling reader. '), ARRIVAL_MS, 'the edit at the polling client');
  });

  it('refuses browser sockets when the proxy drops the port from Host ($host), the mistake $http_host avoids', async () => {
    const misconfigured = await startNginx(
      nodes.map((node) => node.baseUrl),
      (config) => config.replaceAll('proxy_set_header Host $http_host;', 'proxy_set_header Host $host;'),
    );
    try {
      await expect(browserSocket(cast.editor, misconfigured.baseUrl)).rejects.toThrow('forbidden_origin');
    } finally {
      await misconfigured.stop();
    }
  });

  it('moves everyone to the other node when one stops, and loses no acknowledged edit', async () => {
    const editors = [await joined(await browserSocket(cast.editor)), await joined(await browserSocket(cast.owner))];
    const acknowledged: string[] = [];
    for (const [index, editor] of editors.entries()) {
      const text = `before failover ${index}. `;
      expect(await append(editor, text)).toEqual({ ok: true });
      acknowledged.push(text);
    }
    const stoppedAt = Date.now();
    await nodes[0]!.kill('SIGTERM');
    // Each tab opens a new socket through the same proxy, as the web client does on a drop.
    const movedOver = await Promise.all(editors.map(async (editor, index) => joined(await browserSocket(index === 0 ? cast.editor : cast.owner), editor)));
    const reconnectMs = Date.now() - stoppedAt;
    for (const [index, editor] of movedOver.entries()) {
      const text = `after failover ${index}. `;
      expect(await append(editor, text)).toEqual({ ok: true });
      acknowledged.push(text);
    }
    for (const editor of movedOver) await eventually(() => acknowledged.every((text) => editor.content.includes(text)), ARRIVAL_MS, 'every acknowledged edit in every tab');
    console.info(`nginx failover: both tabs joined again through the proxy ${reconnectMs} ms after SIGTERM to one node`);
  }, 60_000);
});
