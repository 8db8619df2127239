import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AcceptCandidateBodySchema,
  ActorCandidateListSchema,
  ActorCandidateQuerySchema,
  ActorCandidateSchema,
  ActorSchema,
  type AcceptCandidateBody,
  type Actor,
  type ActorCandidate,
  type ActorCandidateList,
} from '@marginalia/shared';
import type { z } from 'zod';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ValidBody, ValidQuery } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { ActorCandidatesService } from './actor-candidates.service.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';

/** Actors proposed from the text, for a person to accept or dismiss. */
@ApiTags('actors')
@Controller('workspaces/:workspaceId/actor-candidates')
export class ActorCandidatesController {
  constructor(private readonly candidates: ActorCandidatesService) {}

  @Get()
  @WorkspaceAccess('content.read')
  @ApiZodQuery(ActorCandidateQuerySchema)
  @ApiZodResponse(ActorCandidateListSchema)
  async list(@Member() member: WorkspaceMember, @ValidQuery(ActorCandidateQuerySchema) query: z.output<typeof ActorCandidateQuerySchema>): Promise<ActorCandidateList> {
    return { candidates: await this.candidates.list(member.workspaceId, query.status) };
  }

  @Post('refresh')
  @EmitsWorkspaceEvent('actors.changed')
  @HttpCode(200)
  @WorkspaceAccess('content.edit')
  @ApiZodResponse(ActorCandidateListSchema)
  async refresh(@Member() member: WorkspaceMember): Promise<ActorCandidateList> {
    return { candidates: await this.candidates.refresh(member.workspaceId) };
  }

  @Post(':candidateId/accept')
  @EmitsWorkspaceEvent('actors.changed')
  @HttpCode(200)
  @WorkspaceAccess('content.edit')
  @ApiZodBody(AcceptCandidateBodySchema)
  @ApiZodResponse(ActorSchema)
  async accept(
    @Auth() auth: AuthContext,
    @Member() member: WorkspaceMember,
    @UuidParam('candidateId', 'actor candidate') candidateId: string,
    @ValidBody(AcceptCandidateBodySchema) body: z.output<typeof AcceptCandidateBodySchema> & AcceptCandidateBody,
  ): Promise<Actor> {
    return await this.candidates.accept(member.workspaceId, candidateId, auth.user.id, body);
  }

  @Post(':candidateId/dismiss')
  @EmitsWorkspaceEvent('actors.changed')
  @HttpCode(200)
  @WorkspaceAccess('content.edit')
  @ApiZodResponse(ActorCandidateSchema)
  async dismiss(@Member() member: WorkspaceMember, @UuidParam('candidateId', 'actor candidate') candidateId: string): Promise<ActorCandidate> {
    return await this.candidates.dismiss(member.workspaceId, candidateId);
  }

  @Post(':candidateId/restore')
  @EmitsWorkspaceEvent('actors.changed')
  @HttpCode(200)
  @WorkspaceAccess('content.edit')
  @ApiZodResponse(ActorCandidateSchema)
  async restore(@Member() member: WorkspaceMember, @UuidParam('candidateId', 'actor candidate') candidateId: string): Promise<ActorCandidate> {
    return await this.candidates.restore(member.workspaceId, candidateId);
  }
}
