/**
 * The /collab namespace, for the services that send to rooms (relays, presence, workspace
 * events, access changes). The gateway sets it once socket.io has created it; before that
 * (and in a process without the gateway) sending is a no-op.
 */
import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';

@Injectable()
export class CollabNamespace {
  private current: Namespace | null = null;

  set(namespace: Namespace): void {
    this.current = namespace;
  }

  get namespace(): Namespace | null {
    return this.current;
  }
}
