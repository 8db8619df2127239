import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  DocumentDetailSchema,
  DocumentListQuerySchema,
  DocumentListSchema,
  UpdateDocumentBodySchema,
  type DocumentDetail,
  type DocumentList,
  type UpdateDocumentBody,
} from '@marginalia/shared';
import type { z } from 'zod';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ValidBody, ValidQuery } from '../../common/zod.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { DocumentsService } from './documents.service.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';

@ApiTags('documents')
@Controller('workspaces/:workspaceId/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @WorkspaceAccess('content.read')
  @ApiZodQuery(DocumentListQuerySchema)
  @ApiZodResponse(DocumentListSchema)
  async list(@Member() member: WorkspaceMember, @ValidQuery(DocumentListQuerySchema) query: z.output<typeof DocumentListQuerySchema>): Promise<DocumentList> {
    return { documents: await this.documents.list(member.workspaceId, query) };
  }

  /** The frozen text, its passages and sentences (offsets in code points), and metadata. */
  @Get(':documentId')
  @WorkspaceAccess('content.read')
  @ApiZodResponse(DocumentDetailSchema)
  async get(@Member() member: WorkspaceMember, @UuidParam('documentId', 'document') documentId: string): Promise<DocumentDetail> {
    return await this.documents.get(member.workspaceId, documentId);
  }

  @Patch(':documentId')
  @EmitsWorkspaceEvent('documents.changed')
  @WorkspaceAccess('content.edit')
  @ApiZodBody(UpdateDocumentBodySchema)
  @ApiZodResponse(DocumentDetailSchema)
  async update(
    @Auth() auth: AuthContext,
    @Member() member: WorkspaceMember,
    @UuidParam('documentId', 'document') documentId: string,
    @ValidBody(UpdateDocumentBodySchema) body: UpdateDocumentBody,
  ): Promise<DocumentDetail> {
    return await this.documents.update(member.workspaceId, documentId, body, auth.user.id);
  }

  @Delete(':documentId')
  @EmitsWorkspaceEvent('documents.changed')
  @HttpCode(204)
  @WorkspaceAccess('content.edit')
  async remove(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('documentId', 'document') documentId: string): Promise<void> {
    await this.documents.remove(member.workspaceId, documentId, auth.user.id);
  }
}
