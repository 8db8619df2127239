/**
 * The socket.io server behind every gateway: our path and limits, and with REDIS_URL the
 * Redis adapter, so rooms, broadcasts and fetchSockets() span all API processes.
 * Connection state recovery stays off on purpose: a recovered session would skip the
 * handshake middleware, letting a revoked user resume for minutes.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { COLLAB_SOCKET_PATH, yEventServerParser } from '@marginalia/shared';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../../config/config.schema.js';

/** Room for socket.io's own packet framing around the largest allowed `y` frame. */
const FRAME_OVERHEAD_BYTES = 64 * 1024;

export class CollabIoAdapter extends IoAdapter {
  private readonly redisClients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server = super.createIOServer(port, {
      ...options,
      path: COLLAB_SOCKET_PATH,
      serveClient: false,
      maxHttpBufferSize: this.config.COLLAB_MAX_FRAME_BYTES + FRAME_OVERHEAD_BYTES,
      // A client that opens a connection but never joins a namespace is closed after this.
      connectTimeout: 10_000,
      perMessageDeflate: false,
      // Reads `y` events as single binary messages too; see y-event-sockets.ts.
      parser: yEventServerParser,
    } as ServerOptions) as Server;
    if (this.config.REDIS_URL) {
      const publisher = new Redis(this.config.REDIS_URL);
      const subscriber = publisher.duplicate();
      this.redisClients.push(publisher, subscriber);
      server.adapter(createAdapter(publisher, subscriber, { key: `${this.config.REDIS_PREFIX}:socket.io` }));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.allSettled(this.redisClients.splice(0).map((client) => client.quit()));
  }
}
