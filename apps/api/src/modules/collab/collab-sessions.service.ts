/**
 * What each socket has joined and subscribed to, and the rules for changing it: joins are
 * authorized through CollabAccess, wait for the document's load, and end with the server's
 * sync step 1; subscriptions and locations feed the presence list. The gateway only
 * decodes events and calls in here.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { canPerform, collabRooms, type Ack, type JoinAck } from '@marginalia/shared';
import * as Y from 'yjs';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { CollabAccess } from './collab-access.service.js';
import { CollabNamespace } from './collab-namespace.js';
import { ConnectionState } from './connection-state.js';
import { DocumentRegistry } from './document-registry.service.js';
import { PresenceService } from './presence.service.js';
import type { CollabSocket } from './socket-handshake.js';
import { syncStep1Frame } from './y-frames.js';

const WORKSPACE_ID = /^[0-9a-f-]{36}$/i;

@Injectable()
export class CollabSessions {
  private readonly logger = new Logger('CollabSessions');
  private readonly connections = new Map<string, ConnectionState>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: CollabAccess,
    private readonly registry: DocumentRegistry,
    private readonly presence: PresenceService,
    private readonly sockets: CollabNamespace,
  ) {
    registry.onEvicted((doc, socketIds) => this.rejoinNeeded(doc, socketIds));
  }

  connection(socketId: string): ConnectionState | undefined {
    return this.connections.get(socketId);
  }

  opened(socket: CollabSocket): void {
    this.connections.set(socket.id, new ConnectionState(this.config));
  }

  closed(socket: CollabSocket): void {
    const connection = this.connections.get(socket.id);
    this.connections.delete(socket.id);
    for (const doc of connection?.joined.keys() ?? []) this.registry.removeSocket(doc, socket.id);
    for (const workspaceId of new Set([...socket.data.workspaces, ...socket.data.docs.map((doc) => doc.workspaceId)])) this.presence.changed(workspaceId);
  }

  async join(socket: CollabSocket, doc: string): Promise<JoinAck> {
    const connection = this.connections.get(socket.id);
    if (!connection) return { ok: false, error: 'unavailable', message: 'the connection is closing' };
    const already = connection.joined.get(doc);
    if (already) return { ok: true, readOnly: already.readOnly };
    if (connection.joined.size >= this.config.COLLAB_MAX_DOCUMENTS_PER_SOCKET) {
      return { ok: false, error: 'too_many_documents', message: `a connection may join at most ${this.config.COLLAB_MAX_DOCUMENTS_PER_SOCKET} documents` };
    }
    let access;
    try {
      access = await this.access.forDocument(socket.data.userId, doc);
    } catch (error) {
      // The database is unreachable: say so, so the client tries again (not "not found").
      this.logger.warn(`checking access to ${doc} failed: ${String(error)}`);
      return { ok: false, error: 'unavailable', message: 'access could not be checked; try again' };
    }
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

  leave(socket: CollabSocket, doc: string): void {
    const connection = this.connections.get(socket.id);
    const joined = connection?.joined.get(doc);
    if (!connection || !joined) return;
    connection.joined.delete(doc);
    this.registry.removeSocket(doc, socket.id);
    void socket.leave(collabRooms.document(doc));
    socket.data.docs = socket.data.docs.filter((entry) => entry.name !== doc);
    this.presence.changed(joined.live.workspaceId);
  }

  /**
   * The document was evicted after a failed commit: its sockets leave it and are asked to join
   * again (`not_joined`), which reloads it from storage and resyncs them against what is stored.
   */
  private rejoinNeeded(doc: string, socketIds: string[]): void {
    for (const socketId of socketIds) {
      const socket = this.sockets.namespace?.sockets.get(socketId) as CollabSocket | undefined;
      if (!socket) continue;
      this.leave(socket, doc);
      socket.emit('collab-error', { doc, error: 'not_joined', message: 'the document is being reloaded after a failed save; join it again and resend unsaved edits' });
    }
  }

  async subscribe(socket: CollabSocket, workspaceId: string): Promise<Ack> {
    const standing = WORKSPACE_ID.test(workspaceId) ? await this.access.standing(socket.data.userId, workspaceId) : null;
    if (!standing) return { ok: false, error: 'not_found', message: 'no such workspace' };
    if (!socket.connected) return { ok: true };
    await socket.join(collabRooms.workspace(workspaceId));
    if (!socket.data.workspaces.includes(workspaceId)) socket.data.workspaces = [...socket.data.workspaces, workspaceId];
    this.presence.changed(workspaceId);
    return { ok: true };
  }

  async unsubscribe(socket: CollabSocket, workspaceId: string): Promise<void> {
    if (!socket.data.workspaces.includes(workspaceId)) return;
    await socket.leave(collabRooms.workspace(workspaceId));
    socket.data.workspaces = socket.data.workspaces.filter((id) => id !== workspaceId);
    this.presence.changed(workspaceId);
  }

  /**
   * "Writing in this thread", relayed to the workspace's other subscribers (on every node, through
   * the adapter's rooms) and never stored: commenters and up of a workspace the socket
   * subscribed to, within the awareness rate. Returns why it was refused, or null.
   */
  async typing(socket: CollabSocket, workspaceId: string, threadId: string): Promise<string | null> {
    if (!socket.data.workspaces.includes(workspaceId)) return 'subscribe to the workspace first';
    const connection = this.connections.get(socket.id);
    if (!connection?.awareness.take()) return 'too many typing signals; slow down';
    const standing = await this.access.standing(socket.data.userId, workspaceId);
    if (!standing || !canPerform(standing.role, 'comments.create') || standing.archived) return 'your role may not comment here';
    socket.to(collabRooms.workspace(workspaceId)).emit('typing', { workspaceId, threadId, user: socket.data.identity });
    return null;
  }

  /** Where the user is in a workspace they subscribed to, for the presence list. */
  locate(socket: CollabSocket, workspaceId: string, location: string): void {
    if (!socket.data.workspaces.includes(workspaceId)) return;
    socket.data.locations = { ...socket.data.locations, [workspaceId]: location };
    this.presence.changed(workspaceId);
  }
}
