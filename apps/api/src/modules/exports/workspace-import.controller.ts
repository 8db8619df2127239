/**
 * POST /api/workspaces/import: a Marginalia JSON export (application/json, at most
 * WORKSPACE_IMPORT_MAX_BYTES = 64 MiB) becomes a new workspace owned by the caller. The body
 * is validated with WorkspaceExportSchema (the published JSON Schema) before anything is written.
 */
import { Controller, HttpCode, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WORKSPACE_IMPORT_MAX_BYTES, WorkspaceExportSchema, type WorkspaceExport } from '@marginalia/shared';
import { ValidBody } from '../../common/zod.js';
import { AcceptsBody } from '../../http/request-body.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { AuditService } from '../audit/audit.service.js';
import { ImportRefusal, importWorkspace, type ImportSummary } from './workspace-import.js';

@ApiTags('exports')
@Controller('workspaces/import')
export class WorkspaceImportController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @HttpCode(201)
  @AcceptsBody({ jsonLimitBytes: WORKSPACE_IMPORT_MAX_BYTES })
  async import(@Auth() auth: AuthContext, @ValidBody(WorkspaceExportSchema) snapshot: WorkspaceExport): Promise<ImportSummary> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const summary = await importWorkspace(manager, snapshot, auth.user.id);
        await this.audit.record(manager, { workspaceId: summary.workspaceId, actorId: auth.user.id, action: 'workspace.created', details: { name: snapshot.workspace.name, importedFrom: snapshot.workspace.id } });
        return summary;
      });
    } catch (error) {
      if (error instanceof ImportRefusal) throw new UnprocessableEntityException(error.message);
      throw error;
    }
  }
}
