/**
 * The /collab socket.io namespace: transport only. Authenticates every handshake (see
 * socket-handshake.ts), then decodes each event, authorizes it through CollabAccess and
 * delegates: frames to CollabSync, documents to DocumentRegistry, presence to
 * PresenceService. The `y` event is bound directly on the socket (not @SubscribeMessage):
 * it carries two arguments plus an optional ack and is the hot path.
 */
import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import { COLLAB_NAMESPACE, collabRooms, type Ack, type JoinAck } from '@marginalia/shared';
import type { Namespace } from 'socket.io';
import * as Y from 'yjs';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { Authenticator } from '../auth/authenticator.service.js';
import { AccessWatcher } from './access-watcher.js';
import { CollabAccess } from './collab-access.service.js';
import { ackFor, CollabSync } from './collab-sync.service.js';
import { ConnectionState } from './connection-state.js';
import { DocumentRegistry } from './document-registry.service.js';
import { sendMultipartEventsInOneWrite } from './one-write-per-event.js';
import { PresenceService } from './presence.service.js';
import { handshakeMiddleware, type CollabSocket } from './socket-handshake.js';
import { WorkspaceEvents } from './workspace-events.service.js';
import { syncStep1Frame } from './y-frames.js';

const MAX_NAME_LENGTH = 200;
const MAX_LOCATION_LENGTH = 300;

type AckCallback<T> = ((answer: T) => void) | undefined;

@WebSocketGateway({ namespace: COLLAB_NAMESPACE })
export class CollabGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<CollabSocket>, OnGatewayDisconnect<CollabSocket>, OnModuleDestroy {
  private readonly logger = new Logger('CollabGateway');
  private readonly connections = new Map<string, ConnectionState>();
  private namespace: Namespace | null = null;
  private reauthentication: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authenticator: Authenticator,
    private readonly access: CollabAccess,
    private readonly sync: CollabSync,
    private readonly registry: DocumentRegistry,
    private readonly presence: PresenceService,
    private readonly events: WorkspaceEvents,
    private readonly watcher: AccessWatcher,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use(handshakeMiddleware(this.authenticator, allowedOrigins(this.config)));
    this.registry.attach({
      toDocument: (doc, frame, except) => {
        const room = namespace.local.to(collabRooms.document(doc));
        (except ? room.except(except) : room).emit('y', doc, frame);
      },
    });
    this.presence.attach(namespace);
    this.events.attach(namespace);
    this.watcher.attach(namespace, this.connections, (socket, doc) => this.leaveDocument(socket, doc));
    this.reauthentication = setInterval(() => void this.reauthenticateAll(), this.config.COLLAB_REAUTHENTICATE_SECONDS * 1000);
    this.reauthentication.unref();
  }

  handleConnection(socket: CollabSocket): void {
    sendMultipartEventsInOneWrite(socket);
    this.connections.set(socket.id, new ConnectionState(this.config));
    socket.on('y', (doc: unknown, frame: unknown, ack?: unknown) => this.handleFrame(socket, doc, frame, typeof ack === 'function' ? (ack as (answer: Ack) => void) : undefined));
  }

  handleDisconnect(socket: CollabSocket): void {
    const connection = this.connections.get(socket.id);
    this.connections.delete(socket.id);
    for (const doc of connection?.joined.keys() ?? []) this.registry.removeSocket(doc, socket.id);
    for (const workspaceId of new Set([...socket.data.workspaces, ...socket.data.docs.map((doc) => doc.workspaceId)])) this.presence.changed(workspaceId);
  }

  @SubscribeMessage('join')
  async handleJoin(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const doc = nameFrom(body, 'doc');
    const connection = this.connections.get(socket.id);
    if (!doc || !connection) return { ok: false, error: 'malformed', message: 'join needs { doc }' };
    const already = connection.joined.get(doc);
    if (already) return { ok: true, readOnly: already.readOnly };
    if (connection.joined.size >= this.config.COLLAB_MAX_DOCUMENTS_PER_SOCKET) {
      return { ok: false, error: 'too_many_documents', message: `a connection may join at most ${this.config.COLLAB_MAX_DOCUMENTS_PER_SOCKET} documents` };
    }
    const access = await this.access.forDocument(socket.data.userId, doc);
    if (!access) return { ok: false, error: 'not_found', message: 'no such document' };
    let live;
    try {
      live = await this.registry.open(doc, access.workspaceId, access.kind);
    } catch (error) {
      this.logger.error(`loading ${doc} failed: ${String(error)}`);
      return { ok: false, error: 'unavailable', message: 'the document could not be loaded; try again' };
    }
    if (!socket.connected || connection.joined.has(doc)) return { ok: true, readOnly: connection.joined.get(doc)?.readOnly ?? access.readOnly };
    connection.joined.set(doc, { live, readOnly: access.readOnly });
    this.registry.addSocket(live, socket.id);
    await socket.join(collabRooms.document(doc));
    socket.data.docs = [...socket.data.docs, { name: doc, workspaceId: access.workspaceId }];
    this.presence.changed(access.workspaceId);
    // After the ack (socket.io keeps order): our state vector, then who else is here.
    setImmediate(() => {
      if (!connection.joined.has(doc)) return;
      socket.emit('y', doc, syncStep1Frame(Y.encodeStateVector(live.doc)));
      const awareness = this.registry.awarenessSnapshot(live);
      if (awareness) socket.emit('y', doc, awareness);
    });
    return { ok: true, readOnly: access.readOnly };
  }

  @SubscribeMessage('leave')
  handleLeave(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): void {
    const doc = nameFrom(body, 'doc');
    if (doc) this.leaveDocument(socket, doc);
  }

  @SubscribeMessage('subscribe')
  async handleSubscribe(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): Promise<Ack> {
    const workspaceId = nameFrom(body, 'workspaceId');
    if (!workspaceId) return { ok: false, error: 'malformed', message: 'subscribe needs { workspaceId }' };
    const standing = /^[0-9a-f-]{36}$/i.test(workspaceId) ? await this.access.standing(socket.data.userId, workspaceId) : null;
    if (!standing) return { ok: false, error: 'not_found', message: 'no such workspace' };
    if (!socket.connected) return { ok: true };
    await socket.join(collabRooms.workspace(workspaceId));
    if (!socket.data.workspaces.includes(workspaceId)) socket.data.workspaces = [...socket.data.workspaces, workspaceId];
    this.presence.changed(workspaceId);
    return { ok: true };
  }

  @SubscribeMessage('unsubscribe')
  async handleUnsubscribe(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): Promise<void> {
    const workspaceId = nameFrom(body, 'workspaceId');
    if (!workspaceId || !socket.data.workspaces.includes(workspaceId)) return;
    await socket.leave(collabRooms.workspace(workspaceId));
    socket.data.workspaces = socket.data.workspaces.filter((id) => id !== workspaceId);
    this.presence.changed(workspaceId);
  }

  @SubscribeMessage('where')
  handleWhere(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown): void {
    const workspaceId = nameFrom(body, 'workspaceId');
    const location = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).location : undefined;
    if (!workspaceId || typeof location !== 'string' || location.length > MAX_LOCATION_LENGTH) {
      socket.emit('collab-error', { error: 'malformed', message: `where needs { workspaceId, location } with at most ${MAX_LOCATION_LENGTH} characters` });
      return;
    }
    if (!socket.data.workspaces.includes(workspaceId)) return;
    socket.data.locations = { ...socket.data.locations, [workspaceId]: location };
    this.presence.changed(workspaceId);
  }

  onModuleDestroy(): void {
    if (this.reauthentication) clearInterval(this.reauthentication);
    this.presence.close();
  }

  private handleFrame(socket: CollabSocket, doc: unknown, frame: unknown, ack: AckCallback<Ack>): void {
    const connection = this.connections.get(socket.id);
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

  private leaveDocument(socket: CollabSocket, doc: string): void {
    const connection = this.connections.get(socket.id);
    const joined = connection?.joined.get(doc);
    if (!connection || !joined) return;
    connection.joined.delete(doc);
    this.registry.removeSocket(doc, socket.id);
    void socket.leave(collabRooms.document(doc));
    socket.data.docs = socket.data.docs.filter((entry) => entry.name !== doc);
    this.presence.changed(joined.live.workspaceId);
  }

  /** Drops sockets whose session was logged out, expired or whose account was disabled. */
  private async reauthenticateAll(): Promise<void> {
    for (const socket of this.namespace?.sockets.values() ?? []) {
      const data = (socket as CollabSocket).data;
      const auth = await this.authenticator.authenticate(data.credentials).catch(() => undefined);
      if (auth === null) socket.disconnect(true);
    }
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
