/**
 * Drops sockets whose credentials stopped being valid: at once when this or another node
 * revokes some of a user's credentials (logout, a revoked session or token, a disabled
 * account), and every COLLAB_REAUTHENTICATE_SECONDS for what nobody announces (expiry).
 * Other nodes hear of a revocation through socket.io's adapter (serverSideEmit over Redis);
 * each re-checks only its own sockets of that user.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { Authenticator } from '../auth/authenticator.service.js';
import { CredentialRevocations } from '../auth/credential-revocations.js';
import type { CollabSocket } from './socket-handshake.js';

const RECHECK_USER_EVENT = 'marginalia:recheck-user';

@Injectable()
export class CredentialRechecks implements OnModuleDestroy {
  private readonly logger = new Logger('CredentialRechecks');
  private namespace: Namespace | null = null;
  private periodic: NodeJS.Timeout | null = null;
  private readonly stopListening: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authenticator: Authenticator,
    revocations: CredentialRevocations,
  ) {
    this.stopListening = revocations.onRevoked((userId) => this.revokedHere(userId));
  }

  /** Called by the gateway once socket.io has created the namespace. */
  listen(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.on(RECHECK_USER_EVENT, (userId: unknown) => {
      if (typeof userId === 'string') void this.recheckUser(userId);
    });
    this.periodic = setInterval(() => void this.recheckAll(), this.config.COLLAB_REAUTHENTICATE_SECONDS * 1000);
    this.periodic.unref();
  }

  onModuleDestroy(): void {
    this.stopListening();
    if (this.periodic) clearInterval(this.periodic);
  }

  private revokedHere(userId: string): void {
    void this.recheckUser(userId);
    // Without Redis there are no other nodes (and the in-memory adapter would only warn).
    if (this.config.REDIS_URL) this.namespace?.serverSideEmit(RECHECK_USER_EVENT, userId);
  }

  private async recheckUser(userId: string): Promise<void> {
    const sockets = [...(this.namespace?.sockets.values() ?? [])].filter((socket) => (socket as CollabSocket).data.userId === userId);
    await Promise.all(sockets.map((socket) => this.recheck(socket as CollabSocket)));
  }

  private async recheckAll(): Promise<void> {
    for (const socket of this.namespace?.sockets.values() ?? []) await this.recheck(socket as CollabSocket);
  }

  /** Disconnects the socket if its credentials are now refused; keeps it if they could not be checked. */
  private async recheck(socket: CollabSocket): Promise<void> {
    const auth = await this.authenticator.authenticate(socket.data.credentials).catch((error: unknown) => {
      this.logger.warn(`could not re-check a socket's credentials: ${String(error)}`);
      return undefined;
    });
    if (auth === null) socket.disconnect(true);
  }
}
