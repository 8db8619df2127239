/**
 * Background export routes: queue an export (the same format and parameters as a direct
 * download), list and poll them (or follow `exports.changed` events), download a finished
 * one's file, delete one. Every route needs the export right; a member sees their own jobs,
 * owners and admins everyone's; any other job answers 404.
 */
import { Controller, Delete, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateExportJobBodySchema, ExportJobListSchema, ExportJobSchema, ExportSizeSchema, type ExportJob, type ExportSize } from '@marginalia/shared';
import type { z } from 'zod';
import type { Response } from 'express';
import { UuidParam } from '../../../common/uuid-param.js';
import { ApiZodBody, ApiZodResponse, ValidBody } from '../../../common/zod.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth } from '../../auth/public.decorator.js';
import { EmitsWorkspaceEvent } from '../../collab/emits-workspace-event.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../../workspaces/workspace-access.js';
import { setDownloadHeaders } from '../download-headers.js';
import { parseExportParameters } from '../export-request.js';
import { ExportSizes } from '../export-size.js';
import { ExportJobsService } from './export-jobs.service.js';

@ApiTags('exports')
@Controller('workspaces/:workspaceId')
export class ExportJobsController {
  constructor(
    private readonly jobs: ExportJobsService,
    private readonly sizes: ExportSizes,
  ) {}

  /** How big an export with these filters is, and whether it must run in the background. */
  @Get('export-size')
  @WorkspaceAccess('workspace.export')
  @ApiZodResponse(ExportSizeSchema)
  async size(@Member() member: WorkspaceMember, @Query() query: Record<string, unknown>): Promise<ExportSize> {
    return await this.sizes.measure(member.workspaceId, parseExportParameters(query).filters);
  }

  /** Queues an export; 429 when you already have 3 waiting or running here. Follow it with GET or `exports.changed`. */
  @Post('export-jobs')
  @HttpCode(202)
  @EmitsWorkspaceEvent('exports.changed')
  @WorkspaceAccess('workspace.export')
  @ApiZodBody(CreateExportJobBodySchema)
  @ApiZodResponse(ExportJobSchema, 202, 'queued')
  async create(@Member() member: WorkspaceMember, @Auth() auth: AuthContext, @ValidBody(CreateExportJobBodySchema) body: z.output<typeof CreateExportJobBodySchema>): Promise<ExportJob> {
    return await this.jobs.create(member, auth.user.id, body);
  }

  /** Your latest 20 background exports here (owners and admins: everyone's), newest first. */
  @Get('export-jobs')
  @WorkspaceAccess('workspace.export')
  @ApiZodResponse(ExportJobListSchema)
  async list(@Member() member: WorkspaceMember, @Auth() auth: AuthContext): Promise<{ jobs: ExportJob[] }> {
    return { jobs: await this.jobs.list(member, auth.user.id) };
  }

  @Get('export-jobs/:jobId')
  @WorkspaceAccess('workspace.export')
  @ApiZodResponse(ExportJobSchema)
  async get(@Member() member: WorkspaceMember, @Auth() auth: AuthContext, @UuidParam('jobId', 'export job') jobId: string): Promise<ExportJob> {
    return await this.jobs.get(member, auth.user.id, jobId);
  }

  /** The finished export's file, streamed from disk; 409 before it has succeeded, 410 once it has expired. */
  @Get('export-jobs/:jobId/download')
  @WorkspaceAccess('workspace.export')
  async download(@Member() member: WorkspaceMember, @Auth() auth: AuthContext, @UuidParam('jobId', 'export job') jobId: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const file = await this.jobs.download(member, auth.user.id, jobId);
    setDownloadHeaders(response, file.fileName);
    return new StreamableFile(file.stream, { type: file.mediaType, length: file.size });
  }

  /** Deletes the export and its file (a running one stops). */
  @Delete('export-jobs/:jobId')
  @HttpCode(204)
  @EmitsWorkspaceEvent('exports.changed')
  @WorkspaceAccess('workspace.export')
  async delete(@Member() member: WorkspaceMember, @Auth() auth: AuthContext, @UuidParam('jobId', 'export job') jobId: string): Promise<void> {
    await this.jobs.delete(member, auth.user.id, jobId);
  }
}
