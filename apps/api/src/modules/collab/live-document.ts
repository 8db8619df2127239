/**
 * One Yjs document held in memory by this node: the merged Y.Doc, the awareness states of
 * everyone editing it (on any node), which local socket owns which Yjs client id, and the
 * bookkeeping for persistence and unloading. It knows nothing of sockets or SQL.
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabDocumentKind } from './collab-document.entity.js';

/** Origin of changes that came from another node (already validated and stored there). */
export const REMOTE_ORIGIN = Symbol('remote');

/** Each socket may speak for a few Yjs client ids per document (tabs reuse one socket). */
const MAX_CLIENT_IDS_PER_SOCKET = 4;

export class LiveDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  /** Local sockets that have joined. */
  readonly sockets = new Set<string>();
  /** Awareness client id -> the local socket that owns it, or REMOTE_ORIGIN. */
  private readonly owners = new Map<number, string | typeof REMOTE_ORIGIN>();
  /** Stored update rows not yet folded into the snapshot, as far as this node knows. */
  unfolded = 0;
  compacting = false;
  /** performance.now() when the last compaction of this document started. */
  lastCompactionAt = -Infinity;
  unloadTimer: NodeJS.Timeout | null = null;
  /** What the document takes in storage (snapshot + updates), kept current as updates commit. */
  storedBytes = 0;
  /** Dropped after a failed commit: it may hold state that storage lacks. Never used again. */
  evicted = false;

  constructor(
    readonly name: string,
    readonly workspaceId: string,
    readonly kind: CollabDocumentKind,
  ) {
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
  }

  /** Whether `socketId` may publish awareness for `clientId`; claims it if it is free. */
  claimClientId(socketId: string, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    if (owner === socketId) return true;
    if (owner !== undefined) return false;
    let owned = 0;
    for (const value of this.owners.values()) if (value === socketId) owned += 1;
    if (owned >= MAX_CLIENT_IDS_PER_SOCKET) return false;
    this.owners.set(clientId, socketId);
    return true;
  }

  noteRemoteClientId(clientId: number): void {
    if (!this.owners.has(clientId)) this.owners.set(clientId, REMOTE_ORIGIN);
  }

  /** Forgets the socket's client ids and returns them (their awareness must be removed). */
  releaseClientIds(socketId: string): number[] {
    const released: number[] = [];
    for (const [clientId, owner] of this.owners) {
      if (owner === socketId) {
        released.push(clientId);
        this.owners.delete(clientId);
      }
    }
    return released;
  }

  forgetClientIds(clientIds: number[]): void {
    for (const clientId of clientIds) if (this.owners.get(clientId) === REMOTE_ORIGIN) this.owners.delete(clientId);
  }

  destroy(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
