import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.schema.js';
import { buildDataSourceOptions } from './database/data-source-options.js';
import { ActorsModule } from './modules/actors/actors.module.js';
import { AdminModule } from './modules/admin/admin.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { AgreementModule } from './modules/agreement/agreement.module.js';
import { AnnotationsModule } from './modules/annotations/annotations.module.js';
import { MapsModule } from './modules/maps/maps.module.js';
import { DiscussionModule } from './modules/discussion/discussion.module.js';
import { CodebookModule } from './modules/codebook/codebook.module.js';
import { CollabModule } from './modules/collab/collab.module.js';
import { ExportsModule } from './modules/exports/exports.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { InstanceModule } from './modules/instance/instance.module.js';
import { SearchModule } from './modules/search/search.module.js';
import { WorkspacesModule } from './modules/workspaces/workspaces.module.js';
import { EmailModule } from './modules/email/email.module.js';
import { SsoModule } from './modules/sso/sso.module.js';

/** The whole API, for a validated configuration and a database that is already migrated. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(buildDataSourceOptions(databaseUrl)),
        AuthModule,
        WorkspacesModule,
        AuditModule,
        AdminModule,
        DocumentsModule,
        ActorsModule,
        SearchModule,
        HealthModule,
        ImportsModule,
        InstanceModule,
        CollabModule,
        CodebookModule,
        AnnotationsModule,
        AgreementModule,
        MapsModule,
        DiscussionModule,
        ExportsModule,
        EmailModule,
        SsoModule,
      ],
    };
  }
}
