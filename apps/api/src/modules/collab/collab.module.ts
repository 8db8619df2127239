import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { AuthModule } from '../auth/auth.module.js';
import { AccessWatcher } from './access-watcher.js';
import { ClusterBus, RedisClusterBus, SingleNodeBus } from './cluster-bus.js';
import { CollabAccess } from './collab-access.service.js';
import { CollabKinds } from './collab-kinds.js';
import { CollabDocuments } from './collab-documents.service.js';
import { CollabNamespace } from './collab-namespace.js';
import { CollabPersistence } from './collab-persistence.service.js';
import { CollabSessions } from './collab-sessions.service.js';
import { CollabSync } from './collab-sync.service.js';
import { CollabGateway } from './collab.gateway.js';
import { CredentialRechecks } from './credential-rechecks.js';
import { DocumentRegistry } from './document-registry.service.js';
import { WorkspaceEventInterceptor } from './emits-workspace-event.js';
import { NotebookController } from './notebook.controller.js';
import { PresenceService } from './presence.service.js';
import { WorkspaceEvents } from './workspace-events.service.js';

/** Real-time collaboration: Yjs documents, presence and workspace events over /collab. Global so any feature can publish events. */
@Global()
@Module({
  imports: [AuthModule],
  controllers: [NotebookController],
  providers: [
    { provide: ClusterBus, inject: [APP_CONFIG], useFactory: (config: AppConfig) => (config.REDIS_URL ? new RedisClusterBus(config.REDIS_URL, config.REDIS_PREFIX) : new SingleNodeBus()) },
    CollabNamespace,
    CollabKinds,
    CollabPersistence,
    DocumentRegistry,
    CollabSessions,
    CollabAccess,
    CollabDocuments,
    CollabSync,
    PresenceService,
    WorkspaceEvents,
    WorkspaceEventInterceptor,
    AccessWatcher,
    CredentialRechecks,
    CollabGateway,
  ],
  exports: [WorkspaceEvents, WorkspaceEventInterceptor, DocumentRegistry, CollabKinds, CollabDocuments, CollabPersistence],
})
export class CollabModule implements OnApplicationShutdown {
  constructor(@Inject(ClusterBus) private readonly bus: ClusterBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
