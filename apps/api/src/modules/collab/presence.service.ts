/**
 * The workspace-level presence list: who is online in a workspace, which documents they
 * have open and where they say they are. Built from the sockets in the workspace's room on
 * every node (fetchSockets goes through the adapter), debounced, and sent to that room.
 */
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { collabRooms, type PresenceEntry, type PresenceList } from '@marginalia/shared';
import { CollabNamespace } from './collab-namespace.js';
import type { CollabSocketData } from './socket-handshake.js';

const DEBOUNCE_MS = 150;

@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly logger = new Logger('Presence');
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly sockets: CollabNamespace) {}

  /** Something about this workspace's presence changed; everyone in it hears soon. */
  changed(workspaceId: string): void {
    if (this.timers.has(workspaceId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(workspaceId);
      this.broadcast(workspaceId).catch((error: unknown) => this.logger.warn(`presence for ${workspaceId} failed: ${String(error)}`));
    }, DEBOUNCE_MS);
    timer.unref();
    this.timers.set(workspaceId, timer);
  }

  async list(workspaceId: string): Promise<PresenceList> {
    const namespace = this.sockets.namespace;
    if (!namespace) return { workspaceId, users: [] };
    const sockets = await namespace.in(collabRooms.workspace(workspaceId)).fetchSockets();
    const byUser = new Map<string, PresenceEntry>();
    for (const socket of sockets) {
      const data = socket.data as CollabSocketData;
      const entry = byUser.get(data.userId) ?? { user: data.identity, docs: [], location: null };
      for (const doc of data.docs) if (doc.workspaceId === workspaceId && !entry.docs.includes(doc.name)) entry.docs.push(doc.name);
      entry.location = data.locations[workspaceId] ?? entry.location;
      byUser.set(data.userId, entry);
    }
    const users = [...byUser.values()].sort((a, b) => a.user.name.localeCompare(b.user.name));
    return { workspaceId, users };
  }

  private async broadcast(workspaceId: string): Promise<void> {
    const list = await this.list(workspaceId);
    this.sockets.namespace?.to(collabRooms.workspace(workspaceId)).emit('presence', list);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
