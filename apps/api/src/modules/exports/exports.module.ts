import { Module } from '@nestjs/common';
import { CodebookModule } from '../codebook/codebook.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';
import { WorkspaceExportLoader } from './workspace-export.loader.js';

/** Exports in every registered format (and, later, imports of Marginalia JSON). The loader needs the global CollabModule's registry and persistence. */
@Module({ imports: [CodebookModule], controllers: [ExportsController], providers: [WorkspaceExportLoader, ExportsService], exports: [WorkspaceExportLoader] })
export class ExportsModule {}
