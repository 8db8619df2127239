/**
 * Publishes typed workspace events after a change has committed: to the workspace's
 * subscribed sockets on every node (through socket.io's adapter), and to in-process
 * listeners on every node (through the cluster bus), which re-check live sockets' access.
 */
import { Injectable, Logger } from '@nestjs/common';
import { collabRooms, type WorkspaceEvent, type WorkspaceEventType } from '@marginalia/shared';
import { ClusterBus } from './cluster-bus.js';
import { CollabNamespace } from './collab-namespace.js';

type Listener = (event: WorkspaceEvent) => void;

@Injectable()
export class WorkspaceEvents {
  private readonly logger = new Logger('WorkspaceEvents');
  private readonly listeners: Listener[] = [];

  constructor(
    private readonly bus: ClusterBus,
    private readonly sockets: CollabNamespace,
  ) {
    bus.onMessage((message) => {
      if (message.kind === 'event') this.notifyListeners(message.event);
    });
  }

  /** Listeners run on every node for every event, whichever node committed the change. */
  onEvent(listener: Listener): void {
    this.listeners.push(listener);
  }

  publish(type: WorkspaceEventType, workspaceId: string, ids: string[], byUserId: string | null): void {
    const event: WorkspaceEvent = { type, workspaceId, ids, byUserId, at: new Date().toISOString() };
    this.sockets.namespace?.to(collabRooms.workspace(workspaceId)).emit('workspace-event', event);
    this.bus.publish({ kind: 'event', event });
    this.notifyListeners(event);
  }

  private notifyListeners(event: WorkspaceEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(`workspace event listener failed: ${String(error)}`);
      }
    }
  }
}
