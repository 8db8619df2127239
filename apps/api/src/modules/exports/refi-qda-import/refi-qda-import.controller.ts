/**
 * REFI-QDA imports over HTTP (the exports controller serves the REFI-QDA exports through the
 * format registry): a .qdpx project becomes a new workspace owned by the caller; a .qdc
 * codebook is merged into a workspace's codebook by an admin. Both answer with a report of
 * what could not be imported. Multipart, one file in the "file" field.
 */
import { BadRequestException, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { QdcImportReportSchema, QdpxImportReportSchema, REFI_QDA_IMPORT_LIMITS, type QdcImportReport, type QdpxImportReport } from '@marginalia/shared';
import { ApiZodResponse } from '../../../common/zod.js';
import { AcceptsBody } from '../../../http/request-body.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth } from '../../auth/public.decorator.js';
import { EmitsWorkspaceEvent } from '../../collab/emits-workspace-event.js';
import type { ReceivedFile } from '../../imports/batch-memory-storage.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../../workspaces/workspace-access.js';
import { REFI_FILE_FIELD, refiQdaUpload } from './refi-qda-upload.interceptor.js';
import { RefiQdaImportService } from './refi-qda-import.service.js';

const FILE_BODY = { schema: { type: 'object', required: [REFI_FILE_FIELD], properties: { [REFI_FILE_FIELD]: { type: 'string', format: 'binary' } } } } as never;

function required(file: ReceivedFile | undefined, what: string): ReceivedFile {
  if (!file || file.size === 0) throw new BadRequestException(`no ${what}: send it as multipart/form-data in the "${REFI_FILE_FIELD}" field`);
  return file;
}

@ApiTags('imports')
@Controller('workspaces')
export class RefiQdaImportController {
  constructor(private readonly imports: RefiQdaImportService) {}

  /** A REFI-QDA project (.qdpx, at most 100 MB) as a new workspace owned by the caller. */
  @Post('import/qdpx')
  @HttpCode(201)
  @AcceptsBody({ multipart: true })
  @UseInterceptors(refiQdaUpload(REFI_QDA_IMPORT_LIMITS.maxQdpxBytes, '.qdpx project'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiZodResponse(QdpxImportReportSchema, 201, 'the new workspace and what could not be imported')
  async importProject(@Auth() auth: AuthContext, @UploadedFile() file: ReceivedFile | undefined): Promise<QdpxImportReport> {
    const upload = required(file, '.qdpx project');
    return await this.imports.importProject(auth.user.id, upload.buffer, upload.originalname);
  }

  /** A REFI-QDA codebook (.qdc, at most 10 MB) merged into this workspace's codebook by name. */
  @Post(':workspaceId/codebook/import/qdc')
  @HttpCode(200)
  @EmitsWorkspaceEvent('codebook.changed')
  @WorkspaceAccess('codebook.manage')
  @AcceptsBody({ multipart: true })
  @UseInterceptors(refiQdaUpload(REFI_QDA_IMPORT_LIMITS.maxQdcBytes, '.qdc codebook'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiZodResponse(QdcImportReportSchema, 200, 'what was added, merged and skipped')
  async importCodebook(@Member() member: WorkspaceMember, @Auth() auth: AuthContext, @UploadedFile() file: ReceivedFile | undefined): Promise<QdcImportReport> {
    return await this.imports.importCodebook(member.workspaceId, auth.user.id, required(file, '.qdc codebook').buffer);
  }
}
