import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CodebookModule } from '../codebook/codebook.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';
import { WorkspaceExportLoader } from './workspace-export.loader.js';
import { WorkspaceImportController } from './workspace-import.controller.js';

/** Exports in every registered format and the import of Marginalia JSON into a new workspace. The loader needs the global CollabModule's registry and persistence. */
@Module({ imports: [CodebookModule, AuditModule], controllers: [WorkspaceImportController, ExportsController], providers: [WorkspaceExportLoader, ExportsService], exports: [WorkspaceExportLoader] })
export class ExportsModule {}
