/**
 * Makes role and membership changes bite on live sockets within a second. After a
 * committed change to a workspace's members or state (on any node), every node re-reads
 * the standing of its own sockets in that workspace: a lowered role turns joined documents
 * read-only, a lost membership closes them (`access` with not_found) and ends the
 * workspace subscription.
 */
import { Injectable, Logger } from '@nestjs/common';
import { collabRooms, type WorkspaceEvent, type WorkspaceEventType } from '@marginalia/shared';
import { CollabAccess, isReadOnly } from './collab-access.service.js';
import { CollabNamespace } from './collab-namespace.js';
import { CollabSessions } from './collab-sessions.service.js';
import type { CollabSocket } from './socket-handshake.js';
import { WorkspaceEvents } from './workspace-events.service.js';

const ACCESS_EVENTS: ReadonlySet<WorkspaceEventType> = new Set<WorkspaceEventType>(['members.changed', 'workspace.updated', 'workspace.deleted']);

@Injectable()
export class AccessWatcher {
  private readonly logger = new Logger('AccessWatcher');

  constructor(
    private readonly access: CollabAccess,
    private readonly sessions: CollabSessions,
    private readonly sockets: CollabNamespace,
    events: WorkspaceEvents,
  ) {
    events.onEvent((event) => {
      if (ACCESS_EVENTS.has(event.type)) this.recheck(event).catch((error: unknown) => this.logger.error(`access re-check failed: ${String(error)}`));
    });
  }

  private async recheck(event: WorkspaceEvent): Promise<void> {
    for (const socket of this.sockets.namespace?.sockets.values() ?? []) {
      const collabSocket = socket as CollabSocket;
      const connection = this.sessions.connection(socket.id);
      const joinedHere = [...(connection?.joined.entries() ?? [])].filter(([, joined]) => joined.live.workspaceId === event.workspaceId);
      const subscribed = collabSocket.data.workspaces.includes(event.workspaceId);
      if (joinedHere.length === 0 && !subscribed) continue;
      const standing = await this.access.standing(collabSocket.data.userId, event.workspaceId);
      if (!standing) {
        for (const [doc] of joinedHere) {
          this.sessions.leave(collabSocket, doc);
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
