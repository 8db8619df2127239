/**
 * A raw client of the /collab socket for what the web app never sends: an edit from a member
 * the server holds read-only (the app shows them no control and its client does not send).
 * Speaks the protocol as any outside client may (socket.io with its default framing, frames as
 * y-websocket's), signed in with a browser context's session cookie.
 */
import { COLLAB_NAMESPACE, COLLAB_SOCKET_PATH, SESSION_COOKIE, type Ack, type JoinAck } from '@marginalia/shared';
import { encodeUpdate } from '@marginalia/shared/collab-client';
import type { BrowserContext } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';

const ACK_TIMEOUT_MS = 15_000;

export class CollabProbe {
  private constructor(private readonly socket: Socket) {}

  /** Connects as the member signed in on `context` (its session cookie, the app's origin). */
  static async connect(baseUrl: string, context: BrowserContext): Promise<CollabProbe> {
    const session = (await context.cookies(baseUrl)).find((cookie) => cookie.name === SESSION_COOKIE);
    if (!session) throw new Error('the browser context is not signed in');
    const socket = io(`${baseUrl}${COLLAB_NAMESPACE}`, {
      path: COLLAB_SOCKET_PATH,
      transports: ['websocket'],
      extraHeaders: { cookie: `${SESSION_COOKIE}=${session.value}`, origin: baseUrl },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    return new CollabProbe(socket);
  }

  async join(doc: string): Promise<JoinAck> {
    return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('join', { doc })) as JoinAck;
  }

  /** Sends a Yjs update for `doc` (already joined) and returns the server's answer. */
  async sendUpdate(doc: string, update: Uint8Array): Promise<Ack> {
    return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('y', doc, encodeUpdate(update))) as Ack;
  }

  close(): void {
    this.socket.close();
  }
}
