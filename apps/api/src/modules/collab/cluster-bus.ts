/**
 * What one API node tells the others about documents they may also hold: applied updates,
 * awareness changes, and committed workspace events (so every node re-checks its own
 * sockets' access). Over Redis pub/sub when REDIS_URL is set; on a single node it is silent.
 * Socket fan-out of events to browsers goes through socket.io's Redis adapter instead.
 *
 * Pub/sub forgets what it could not deliver. Everything published is already committed in
 * Postgres, so a node that may have missed messages reads the documents again from there:
 * after its subscriber reconnects it resyncs every document it holds (`onResync`), and a node
 * whose publish failed announces those documents (`resync` message) once Redis is back.
 */
import { randomUUID } from 'node:crypto';
import type { WorkspaceEvent } from '@marginalia/shared';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type ClusterMessage =
  | { kind: 'update'; doc: string; payload: Uint8Array }
  | { kind: 'awareness'; doc: string; payload: Uint8Array }
  | { kind: 'event'; event: WorkspaceEvent }
  /** Updates to `doc` may not have reached the other nodes: read it again from Postgres. */
  | { kind: 'resync'; doc: string };

const KINDS = ['update', 'awareness', 'event', 'resync'] as const;

export abstract class ClusterBus {
  readonly nodeId = randomUUID();
  private readonly handlers: ((message: ClusterMessage) => void)[] = [];
  private readonly resyncHandlers: (() => void)[] = [];

  abstract publish(message: ClusterMessage): void;
  abstract close(): Promise<void>;

  onMessage(handler: (message: ClusterMessage) => void): void {
    this.handlers.push(handler);
  }

  /** Called when this node may have missed messages: every document it holds is suspect. */
  onResync(handler: () => void): void {
    this.resyncHandlers.push(handler);
  }

  protected deliver(message: ClusterMessage): void {
    for (const handler of this.handlers) handler(message);
  }

  protected resyncAll(): void {
    for (const handler of this.resyncHandlers) handler();
  }
}

export class SingleNodeBus extends ClusterBus {
  publish(): void {}
  async close(): Promise<void> {}
}

export class RedisClusterBus extends ClusterBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  /** Documents whose updates failed to publish, announced as `resync` once Redis is back. */
  private readonly unannounced = new Set<string>();

  /** `<REDIS_PREFIX>:collab`: only nodes of the same deployment hear each other. */
  readonly channel: string;

  constructor(redisUrl: string, prefix: string) {
    super();
    this.channel = `${prefix}:collab`;
    // Named, so an operator (or a test) can tell this node's connections apart in CLIENT LIST.
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: 3, connectionName: `marginalia-collab-pub-${this.nodeId}` });
    this.subscriber = new Redis(redisUrl, { connectionName: `marginalia-collab-sub-${this.nodeId}` });
    void this.subscriber.subscribe(this.channel);
    this.subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) => {
      const decoded = decodeMessage(message);
      if (decoded && decoded.nodeId !== this.nodeId) this.deliver(decoded.message);
    });
    let subscribedBefore = false;
    // ioredis subscribes again by itself after a reconnection; what was sent meanwhile is gone.
    this.subscriber.on('ready', () => {
      if (subscribedBefore) this.resyncAll();
      subscribedBefore = true;
    });
    this.publisher.on('ready', () => this.announceUnpublished());
  }

  publish(message: ClusterMessage): void {
    void this.publisher.publish(this.channel, Buffer.from(encodeMessage(this.nodeId, message))).catch(() => {
      if (message.kind === 'update') this.unannounced.add(message.doc);
    });
  }

  private announceUnpublished(): void {
    const docs = [...this.unannounced];
    this.unannounced.clear();
    for (const doc of docs) this.publish({ kind: 'resync', doc });
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}

function encodeMessage(nodeId: string, message: ClusterMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, nodeId);
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  if (message.kind === 'event') {
    encoding.writeVarString(encoder, JSON.stringify(message.event));
  } else if (message.kind === 'resync') {
    encoding.writeVarString(encoder, message.doc);
  } else {
    encoding.writeVarString(encoder, message.doc);
    encoding.writeVarUint8Array(encoder, message.payload);
  }
  return encoding.toUint8Array(encoder);
}

function decodeMessage(buffer: Buffer): { nodeId: string; message: ClusterMessage } | null {
  try {
    const decoder = decoding.createDecoder(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    const nodeId = decoding.readVarString(decoder);
    const kind = KINDS[decoding.readVarUint(decoder)];
    if (kind === 'event') return { nodeId, message: { kind, event: JSON.parse(decoding.readVarString(decoder)) as WorkspaceEvent } };
    if (!kind) return null;
    const doc = decoding.readVarString(decoder);
    if (kind === 'resync') return { nodeId, message: { kind, doc } };
    // Copy: the payload must outlive the Redis client's buffer.
    return { nodeId, message: { kind, doc, payload: decoding.readVarUint8Array(decoder).slice() } };
  } catch {
    return null;
  }
}
