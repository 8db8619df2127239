import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CodebookModule } from '../codebook/codebook.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';
import { RefiQdaImportController } from './refi-qda-import/refi-qda-import.controller.js';
import { RefiQdaImportService } from './refi-qda-import/refi-qda-import.service.js';
import { WorkspaceExportLoader } from './workspace-export.loader.js';
import { WorkspaceImportController } from './workspace-import.controller.js';

/** Exports in every registered format, the import of Marginalia JSON into a new workspace, and REFI-QDA imports (.qdpx project, .qdc codebook). The loader needs the global CollabModule's registry and persistence. */
@Module({ imports: [CodebookModule, AuditModule], controllers: [WorkspaceImportController, RefiQdaImportController, ExportsController], providers: [WorkspaceExportLoader, ExportsService, RefiQdaImportService], exports: [WorkspaceExportLoader] })
export class ExportsModule {}
