import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiZodResponse } from '../../common/zod.js';
import { DocumentDetailSchema, DocumentListSchema, type DocumentDetail, type DocumentList } from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { DocumentsService } from './documents.service.js';

@ApiTags('documents')
@Controller('workspaces/:workspaceId/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @ApiZodResponse(DocumentListSchema)
  @Get()
  @WorkspaceAccess('content.read')
  async list(@Member() member: WorkspaceMember): Promise<DocumentList> {
    return { documents: await this.documents.list(member.workspaceId) };
  }

  @ApiZodResponse(DocumentDetailSchema)
  @Get(':documentId')
  @WorkspaceAccess('content.read')
  async get(@Member() member: WorkspaceMember, @UuidParam('documentId', 'document') documentId: string): Promise<DocumentDetail> {
    return await this.documents.get(member.workspaceId, documentId);
  }
}
