/**
 * Makes role and membership changes bite on live sockets within a second. After a
 * committed change to a workspace's members or state (on any node), every node re-reads
 * the standing of its own sockets in that workspace: a lowered role turns joined documents
 * read-only, a lost membership closes them (`access` with not_found) and ends the
 * workspace subscription.
 */
import { Injectable, Logger } from '@nestjs/common';
import { collabRooms, type WorkspaceEvent, type WorkspaceEventType } from '@marginalia/shared';
import type { Namespace } from 'socket.io';
import { CollabAccess, isReadOnly } from './collab-access.service.js';
import type { ConnectionState } from './connection-state.js';
import type { CollabSocket } from './socket-handshake.js';
import { WorkspaceEvents } from './workspace-events.service.js';

const ACCESS_EVENTS: ReadonlySet<WorkspaceEventType> = new Set<WorkspaceEventType>(['members.changed', 'workspace.updated', 'workspace.deleted']);

type LeaveDocument = (socket: CollabSocket, doc: string) => void;

@Injectable()
export class AccessWatcher {
  private readonly logger = new Logger('AccessWatcher');
  private namespace: Namespace | null = null;
  private connections: ReadonlyMap<string, ConnectionState> = new Map();
  private leaveDocument: LeaveDocument = () => undefined;

  constructor(
    private readonly access: CollabAccess,
    events: WorkspaceEvents,
  ) {
    events.onEvent((event) => {
      if (ACCESS_EVENTS.has(event.type)) this.recheck(event).catch((error: unknown) => this.logger.error(`access re-check failed: ${String(error)}`));
    });
  }

  attach(namespace: Namespace, connections: ReadonlyMap<string, ConnectionState>, leaveDocument: LeaveDocument): void {
    this.namespace = namespace;
    this.connections = connections;
    this.leaveDocument = leaveDocument;
  }

  private async recheck(event: WorkspaceEvent): Promise<void> {
    for (const socket of this.namespace?.sockets.values() ?? []) {
      const collabSocket = socket as CollabSocket;
      const connection = this.connections.get(socket.id);
      const joinedHere = [...(connection?.joined.entries() ?? [])].filter(([, joined]) => joined.live.workspaceId === event.workspaceId);
      const subscribed = collabSocket.data.workspaces.includes(event.workspaceId);
      if (joinedHere.length === 0 && !subscribed) continue;
      const standing = await this.access.standing(collabSocket.data.userId, event.workspaceId);
      if (!standing) {
        for (const [doc] of joinedHere) {
          this.leaveDocument(collabSocket, doc);
          socket.emit('access', { doc, error: 'not_found' });
        }
        if (subscribed) {
          await socket.leave(collabRooms.workspace(event.workspaceId));
          collabSocket.data.workspaces = collabSocket.data.workspaces.filter((id) => id !== event.workspaceId);
          socket.emit('unsubscribed', { workspaceId: event.workspaceId });
        }
        continue;
      }
      for (const [doc, joined] of joinedHere) {
        const readOnly = isReadOnly(joined.live.kind, standing);
        if (readOnly === joined.readOnly) continue;
        joined.readOnly = readOnly;
        socket.emit('access', { doc, readOnly });
      }
    }
  }
}
