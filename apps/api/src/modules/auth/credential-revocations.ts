/**
 * Announces, inside this process, that some of a user's credentials stopped being valid
 * (logout, a revoked session or token, a disabled account). Whoever holds long-lived
 * connections authenticated with them (the collab sockets) listens and re-checks them at once,
 * instead of at its next periodic check. Called after the change is committed.
 */
import { Injectable } from '@nestjs/common';

export type RevocationListener = (userId: string) => void;

@Injectable()
export class CredentialRevocations {
  private readonly listeners = new Set<RevocationListener>();

  onRevoked(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  revoked(userId: string): void {
    for (const listener of this.listeners) listener(userId);
  }
}
