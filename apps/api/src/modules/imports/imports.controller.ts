import { Controller, Get, HttpCode, Post, Req, UnsupportedMediaTypeException, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ImportJobSchema, PasteDocumentBodySchema, type ImportJob } from '@marginalia/shared';
import type { Request } from 'express';
import { z } from 'zod';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodResponse, ZodValidationPipe, toOpenApiSchema } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import type { ReceivedFile } from './batch-memory-storage.js';
import { FILES_FIELD, IMPORT_BODY_TYPES, ImportUploadInterceptor } from './import-upload.interceptor.js';
import { ImportsService } from './imports.service.js';
import { PASTE_BODY_LIMIT_BYTES } from './paste.js';
import { AcceptsBody } from '../../http/request-body.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';

const pasteBody = new ZodValidationPipe(PasteDocumentBodySchema, 'request body');
const ImportJobListSchema = z.object({ jobs: z.array(ImportJobSchema) });

@ApiTags('imports')
@Controller('workspaces/:workspaceId/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Files (multipart, "files") or pasted text (JSON): queued at once, processed in the background. */
  @Post()
  @EmitsWorkspaceEvent('imports.changed')
  @HttpCode(202)
  @WorkspaceAccess('content.edit')
  // Read only after the guards: a 12 MB paste is not parsed for someone who may not import.
  @AcceptsBody({ jsonLimitBytes: PASTE_BODY_LIMIT_BYTES, multipart: true })
  @UseInterceptors(ImportUploadInterceptor)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'object', required: [FILES_FIELD], properties: { [FILES_FIELD]: { type: 'array', items: { type: 'string', format: 'binary' } } } },
        toOpenApiSchema(PasteDocumentBodySchema),
      ],
    } as never,
  })
  @ApiZodResponse(ImportJobSchema, 202, 'queued')
  async create(@Member() member: WorkspaceMember, @Auth() auth: AuthContext, @Req() request: Request, @UploadedFiles() files: ReceivedFile[] | undefined): Promise<ImportJob> {
    if (request.is('multipart/form-data')) return await this.imports.queueFiles(member.workspaceId, auth.user.id, files ?? []);
    if (request.is('application/json')) return await this.imports.queuePaste(member.workspaceId, auth.user.id, pasteBody.transform(request.body));
    throw new UnsupportedMediaTypeException(IMPORT_BODY_TYPES);
  }

  /** The latest 20 imports of the workspace, newest first. */
  @Get()
  @WorkspaceAccess('content.read')
  @ApiZodResponse(ImportJobListSchema)
  async list(@Member() member: WorkspaceMember): Promise<{ jobs: ImportJob[] }> {
    return { jobs: await this.imports.list(member.workspaceId) };
  }

  /** Poll this for progress: processedFiles of totalFiles, and each file's outcome. */
  @Get(':jobId')
  @WorkspaceAccess('content.read')
  @ApiZodResponse(ImportJobSchema)
  async get(@Member() member: WorkspaceMember, @UuidParam('jobId', 'import job') jobId: string): Promise<ImportJob> {
    return await this.imports.get(member.workspaceId, jobId);
  }
}
