/**
 * REDIS_PREFIX: Redis pub/sub ignores the database index, so two deployments (or test runs)
 * sharing one Redis server are kept apart only by their channel names. Nodes of one prefix hear
 * each other and never the other prefix's messages; the socket.io adapter's channels carry the
 * prefix too.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisClusterBus, type ClusterMessage } from '../src/modules/collab/cluster-bus.js';
import { eventually } from './collab-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL && process.env.CI && process.env.CI !== 'false') throw new Error('REDIS_URL is not set: CI must run the Redis tests');
const describeWithRedis = REDIS_URL ? describe : describe.skip;

const prefix = (label: string): string => `prefix-test-${label}-${randomBytes(4).toString('hex')}`;

let admin: Redis;
const buses: RedisClusterBus[] = [];

function busOn(busPrefix: string): { bus: RedisClusterBus; heard: ClusterMessage[] } {
  const bus = new RedisClusterBus(REDIS_URL!, busPrefix);
  buses.push(bus);
  const heard: ClusterMessage[] = [];
  bus.onMessage((message) => heard.push(message));
  return { bus, heard };
}

async function subscribers(channel: string): Promise<number> {
  const [, count] = (await admin.call('PUBSUB', 'NUMSUB', channel)) as [string, number];
  return Number(count);
}

describeWithRedis('REDIS_PREFIX', () => {
  beforeAll(() => {
    admin = new Redis(REDIS_URL!);
  });

  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    admin?.disconnect();
  });

  it('keeps two deployments on one Redis apart: nodes hear their own deployment only', async () => {
    const ours = prefix('ours');
    const theirs = prefix('theirs');
    const listener = busOn(ours);
    const speaker = busOn(ours);
    const stranger = busOn(theirs);
    const strangersPeer = busOn(theirs);
    await eventually(async () => (await subscribers(`${ours}:collab`)) === 2 && (await subscribers(`${theirs}:collab`)) === 2, 5000, 'every bus subscribed');

    stranger.bus.publish({ kind: 'resync', doc: 'their-document' });
    // Delivered to its own deployment: from here on it has passed through Redis.
    await eventually(() => strangersPeer.heard.length === 1, 5000, "the other deployment's message on its own channel");
    speaker.bus.publish({ kind: 'resync', doc: 'our-document' });
    // Redis sends a connection's messages in publish order, so had the listener been subscribed
    // to the other deployment's channel, that message would have come before this one.
    await eventually(() => listener.heard.length === 1, 5000, 'our message');
    expect(listener.heard).toEqual([{ kind: 'resync', doc: 'our-document' }]);
    expect(strangersPeer.heard).toEqual([{ kind: 'resync', doc: 'their-document' }]);
  });

  it("puts the socket.io adapter's channels and the cluster bus under the prefix", async () => {
    const appPrefix = prefix('app');
    let app: TestApp | undefined;
    try {
      app = await createTestApp({ REDIS_URL: REDIS_URL!, REDIS_PREFIX: appPrefix });
      let channels: string[] = [];
      await eventually(
        async () => {
          channels = (await admin.call('PUBSUB', 'CHANNELS', `${appPrefix}:*`)) as string[];
          return channels.includes(`${appPrefix}:collab`) && channels.some((channel) => channel.startsWith(`${appPrefix}:socket.io`));
        },
        5000,
        'the app subscribed under its prefix',
      );
      expect(channels.every((channel) => channel.startsWith(`${appPrefix}:`))).toBe(true);
    } finally {
      await app?.close();
    }
  });
});
