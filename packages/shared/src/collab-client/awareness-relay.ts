/**
 * Relays a document's awareness (cursors, selections) between the local y-protocols Awareness
 * and the server. Only local changes go out; what arrives is applied with the session as origin
 * so it is not echoed back. The server stamps `user` ({ id, name, color }) into every state
 * it relays, so a client cannot pretend to be someone else and need not send its own.
 */
import { applyAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { encodeAwareness } from './frames.js';

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

export class AwarenessRelay {
  private readonly handleUpdate = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    // y-protocols marks changes made through setLocalState (and its periodic renewal) 'local'.
    if (origin !== 'local' || !this.canSend()) return;
    this.send(encodeAwareness(this.awareness, [...added, ...updated, ...removed]));
  };

  constructor(
    private readonly awareness: Awareness,
    private readonly send: (frame: Uint8Array) => void,
    private readonly canSend: () => boolean,
  ) {
    awareness.on('update', this.handleUpdate);
  }

  /** After a (re)join the server knows nothing of us: announce our whole local state. */
  announce(): void {
    if (this.awareness.getLocalState() === null) return;
    this.send(encodeAwareness(this.awareness, [this.awareness.clientID]));
  }

  receive(update: Uint8Array, origin: unknown): void {
    applyAwarenessUpdate(this.awareness, update, origin);
  }

  /** Offline, other people's cursors are stale: drop them until the server resends them. */
  forgetRemoteStates(origin: unknown): void {
    const remote = [...this.awareness.getStates().keys()].filter((clientId) => clientId !== this.awareness.clientID);
    if (remote.length > 0) removeAwarenessStates(this.awareness, remote, origin);
  }

  /** Tells the others we left (a null state), then stops relaying. */
  close(): void {
    removeAwarenessStates(this.awareness, [this.awareness.clientID], 'local');
    this.awareness.off('update', this.handleUpdate);
  }
}
