/**
 * Redis pub/sub forgets what it could not deliver. A node whose subscription dropped may have
 * missed updates that other nodes committed meanwhile; once it is subscribed again it reads
 * its live documents again from Postgres, and its clients get what they missed. The outage is
 * real: the test kills this node's subscriber connection with CLIENT KILL, and only that one
 * (other test files share the Redis server). Needs REDIS_URL, like the two-node tests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { ClusterBus } from '../src/modules/collab/cluster-bus.js';
import { connectSocket, connected, eventually, notebookOf, YClient } from './collab-client.js';
import { standaloneInsert } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, registerCast, type Cast } from './fixtures.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL && process.env.CI && process.env.CI !== 'false') throw new Error('REDIS_URL is not set: CI must run the Redis tests');
if (!REDIS_URL) console.warn('collab-redis-resync.int-spec.ts SKIPPED: no Redis (REDIS_URL unset and no redis-server to start); CI runs it.');
const describeWithRedis = REDIS_URL ? describe : describe.skip;

let app: TestApp;
let cast: Cast;
let notebook: string;
const clients: YClient[] = [];

/** Closes the Redis connection with this name from the server side, as an outage would. */
async function killRedisConnection(redisUrl: string, name: string): Promise<void> {
  const admin = new Redis(redisUrl);
  try {
    const list = (await admin.call('CLIENT', 'LIST')) as string;
    const line = list.split('\n').find((entry) => entry.includes(` name=${name} `));
    const id = line?.match(/^id=(\d+)/)?.[1];
    if (!id) throw new Error(`no Redis connection named ${name}`);
    await admin.call('CLIENT', 'KILL', 'ID', id);
  } finally {
    admin.disconnect();
  }
}

describeWithRedis('a node that lost its Redis subscription', () => {
  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: REDIS_URL! });
    cast = await registerCast(app.baseUrl, 'resync');
    notebook = await notebookOf(cast.owner, await createCastWorkspace(cast, 'Outage'));
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await app.close();
  });

  it('reads its documents again from Postgres once subscribed again, and its clients get what they missed', async () => {
    const socket = connectSocket(app.baseUrl, cast.editor);
    await connected(socket);
    const client = new YClient(socket, notebook);
    clients.push(client);
    await client.join();
    await expect(client.edit((doc) => doc.getText('markdown').insert(0, 'local'))).resolves.toEqual({ ok: true });

    // What another node committed while this node's subscription was down: stored, never heard of.
    await app.dataSource.query(`INSERT INTO collab_updates (document_name, "update") VALUES ($1, $2)`, [notebook, Buffer.from(standaloneInsert('missed '))]);
    // A later edit through this node reaching the client proves the node relays; the missed one did not come.
    const markerSocket = connectSocket(app.baseUrl, cast.owner);
    await connected(markerSocket);
    const marker = new YClient(markerSocket, notebook);
    clients.push(marker);
    await marker.join();
    await expect(marker.edit((doc) => doc.getText('markdown').insert(0, 'marker '))).resolves.toEqual({ ok: true });
    await eventually(() => client.content.includes('marker'), 5000, 'the marker edit at the client');
    expect(client.content).not.toContain('missed');

    await killRedisConnection(REDIS_URL!, `marginalia-collab-sub-${app.get(ClusterBus).nodeId}`);
    await eventually(() => client.content.includes('missed'), 10_000, 'the missed update to reach the client');
    expect(client.content).toContain('local');
  });
});
