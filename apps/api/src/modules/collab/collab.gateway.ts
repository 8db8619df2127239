/**
 * The /collab socket.io namespace: transport only. Authenticates every handshake (see
 * socket-handshake.ts), then decodes each event and delegates: joins, subscriptions and
 * locations to CollabSessions, frames to CollabSync. The `y` event is bound directly on the
 * socket (not @SubscribeMessage): it carries two arguments plus an optional ack and is the
 * hot path.
 */
import { Inject } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import { COLLAB_NAMESPACE, type Ack, type JoinAck } from '@marginalia/shared';
import type { Namespace } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { Authenticator } from '../auth/authenticator.service.js';
import { CollabNamespace } from './collab-namespace.js';
import { CollabSessions } from './collab-sessions.service.js';
import { CredentialRechecks } from './credential-rechecks.js';
import { ackFor, CollabSync } from './collab-sync.service.js';
import { sendMultipartEventsInOneWrite } from './one-write-per-event.js';
import { handshakeMiddleware, type CollabSocket } from './socket-handshake.js';
import { SocketQuota } from './socket-quota.js';
import { useRequestedYEventFormat } from './y-event-sockets.js';

const MAX_NAME_LENGTH = 200;
const MAX_LOCATION_LENGTH = 300;

type AckCallback<T> = ((answer: T) => void) | undefined;

@WebSocketGateway({ namespace: COLLAB_NAMESPACE })
export class CollabGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<CollabSocket>, OnGatewayDisconnect<CollabSocket> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authenticator: Authenticator,
    private readonly sessions: CollabSessions,
    private readonly sync: CollabSync,
    private readonly namespace: CollabNamespace,
    private readonly rechecks: CredentialRechecks,
  ) {
    this.quota = new SocketQuota(config.COLLAB_MAX_SOCKETS_PER_USER);
  }

  private readonly quota: SocketQuota;

  afterInit(namespace: Namespace): void {
    this.namespace.set(namespace);
    namespace.use(handshakeMiddleware(this.authenticator, allowedOrigins(this.config)));
    namespace.use((socket, next) => {
      if (this.quota.hasRoomFor((socket as CollabSocket).data.userId)) next();
      else next(new Error('too_many_connections'));
    });
    this.rechecks.listen(namespace);
  }

  handleConnection(socket: CollabSocket): void {
    this.quota.opened(socket.data.userId);
    sendMultipartEventsInOneWrite(socket);
    useRequestedYEventFormat(socket);
    this.sessions.opened(socket);
    socket.on('y', (doc: unknown, frame: unknown, ack?: unknown) => this.handleFrame(socket, doc, frame, typeof ack === 'function' ? (ack as (answer: Ack) => void) : undefined));
  }

  handleDisconnect(socket: CollabSocket): void {
    this.quota.closed(socket.data.userId);
    this.sessions.closed(socket);
  }

  @SubscribeMessage('join')
  async handleJoin(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const doc = nameFrom(body, 'doc');
    if (!doc) return { ok: false, error: 'malformed', message: 'join needs { doc }' };
    return this.sessions.join(socket, doc);
  }

  @SubscribeMessage('leave')
  handleLeave(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): void {
    const doc = nameFrom(body, 'doc');
    if (doc) this.sessions.leave(socket, doc);
  }

  @SubscribeMessage('subscribe')
  async handleSubscribe(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): Promise<Ack> {
    const workspaceId = nameFrom(body, 'workspaceId');
    if (!workspaceId) return { ok: false, error: 'malformed', message: 'subscribe needs { workspaceId }' };
    return this.sessions.subscribe(socket, workspaceId);
  }

  @SubscribeMessage('unsubscribe')
  async handleUnsubscribe(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): Promise<void> {
    const workspaceId = nameFrom(body, 'workspaceId');
    if (workspaceId) await this.sessions.unsubscribe(socket, workspaceId);
  }

  @SubscribeMessage('where')
  handleWhere(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): void {
    const workspaceId = nameFrom(body, 'workspaceId');
    const location = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).location : undefined;
    if (!workspaceId || typeof location !== 'string' || location.length > MAX_LOCATION_LENGTH) {
      socket.emit('collab-error', { error: 'malformed', message: `where needs { workspaceId, location } with at most ${MAX_LOCATION_LENGTH} characters` });
      return;
    }
    this.sessions.locate(socket, workspaceId, location);
  }

  @SubscribeMessage('typing')
  async handleTyping(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): Promise<void> {
    const workspaceId = nameFrom(body, 'workspaceId');
    const threadId = nameFrom(body, 'threadId');
    const refusal = workspaceId && threadId ? await this.sessions.typing(socket, workspaceId, threadId) : 'typing needs { workspaceId, threadId }';
    if (refusal) socket.emit('collab-error', { error: refusal.startsWith('too many') ? 'rate_limited' : 'malformed', message: refusal });
  }

  private handleFrame(socket: CollabSocket, doc: unknown, frame: unknown, ack: AckCallback<Ack>): void {
    const connection = this.sessions.connection(socket.id);
    if (!connection) return;
    this.sync.handle(socket.id, socket.data, connection, doc, frame).then(
      (result) => {
        if (result.reply && typeof doc === 'string') socket.emit('y', doc, result.reply);
        ack?.({ ok: true });
      },
      (error: unknown) => {
        const answer = ackFor(error);
        if (answer.ok) return;
        if (ack) ack(answer);
        else socket.emit('collab-error', { doc: typeof doc === 'string' ? doc : undefined, error: answer.error, message: answer.message ?? answer.error });
      },
    );
  }
}

/** Postgres text cannot hold NUL: a query with one fails, and the join would go unanswered. */
function nameFrom(body: unknown, field: string): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME_LENGTH && !value.includes('\u0000') ? value : null;
}

function allowedOrigins(config: AppConfig): Set<string> {
  const origins = new Set<string>();
  if (config.PUBLIC_URL) origins.add(new URL(config.PUBLIC_URL).origin);
  for (const origin of (config.COLLAB_ALLOWED_ORIGINS ?? '').split(',')) if (origin.trim()) origins.add(origin.trim());
  return origins;
}
