import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CodebookModule } from '../codebook/codebook.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { ExportCleanup } from './export-jobs/export-cleanup.js';
import { ExportFiles } from './export-jobs/export-files.js';
import { ExportJobStore } from './export-jobs/export-job-store.js';
import { ExportJobWorker } from './export-jobs/export-job-worker.js';
import { ExportJobsController } from './export-jobs/export-jobs.controller.js';
import { ExportJobsService } from './export-jobs/export-jobs.service.js';
import { ExportSizes } from './export-size.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';
import { RefiQdaImportController } from './refi-qda-import/refi-qda-import.controller.js';
import { RefiQdaImportService } from './refi-qda-import/refi-qda-import.service.js';
import { WorkspaceExportLoader } from './workspace-export.loader.js';
import { WorkspaceImportController } from './workspace-import.controller.js';

/**
 * Exports in every registered format (small ones downloaded at once, large ones or any a member
 * chooses as background jobs on the shared job queue), the import of Marginalia JSON into a new
 * workspace, and REFI-QDA imports (.qdpx project, .qdc codebook). The loader needs the global
 * CollabModule's registry and persistence.
 */
@Module({
  imports: [CodebookModule, AuditModule, JobsModule],
  controllers: [WorkspaceImportController, RefiQdaImportController, ExportsController, ExportJobsController],
  providers: [WorkspaceExportLoader, ExportsService, RefiQdaImportService, ExportSizes, ExportFiles, ExportJobStore, ExportJobWorker, ExportJobsService, ExportCleanup],
  exports: [WorkspaceExportLoader],
})
export class ExportsModule {}
