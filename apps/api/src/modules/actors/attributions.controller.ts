import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AttributionListSchema, AttributionSchema, CreateAttributionBodySchema, type Attribution, type AttributionList, type CreateAttributionBody } from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodResponse, ValidBody } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { AttributionsService } from './attributions.service.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';

@ApiTags('actors')
@Controller('workspaces/:workspaceId')
export class AttributionsController {
  constructor(private readonly attributions: AttributionsService) {}

  @Get('documents/:documentId/attributions')
  @WorkspaceAccess('content.read')
  @ApiZodResponse(AttributionListSchema)
  async list(@Member() member: WorkspaceMember, @UuidParam('documentId', 'document') documentId: string): Promise<AttributionList> {
    return { attributions: await this.attributions.listForDocument(member.workspaceId, documentId) };
  }

  /** Attributes a span (code points, end exclusive) of the document to an actor. */
  @Post('documents/:documentId/attributions')
  @EmitsWorkspaceEvent('attributions.changed')
  @WorkspaceAccess('content.edit')
  @ApiZodBody(CreateAttributionBodySchema)
  @ApiZodResponse(AttributionSchema, 201)
  async create(
    @Auth() auth: AuthContext,
    @Member() member: WorkspaceMember,
    @UuidParam('documentId', 'document') documentId: string,
    @ValidBody(CreateAttributionBodySchema) body: CreateAttributionBody,
  ): Promise<Attribution> {
    return await this.attributions.create({ workspaceId: member.workspaceId, documentId, actorId: body.actorId, start: body.start, end: body.end, createdById: auth.user.id });
  }

  @Delete('attributions/:attributionId')
  @EmitsWorkspaceEvent('attributions.changed')
  @HttpCode(204)
  @WorkspaceAccess('content.edit')
  async remove(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('attributionId', 'attribution') attributionId: string): Promise<void> {
    await this.attributions.remove(member.workspaceId, attributionId, auth.user.id);
  }
}
