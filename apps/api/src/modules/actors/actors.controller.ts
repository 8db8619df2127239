import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ActorListSchema, ActorSchema, CreateActorBodySchema, UpdateActorBodySchema, type Actor, type ActorList, type CreateActorBody, type UpdateActorBody } from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodResponse, ValidBody } from '../../common/zod.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { ActorsService } from './actors.service.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';

@ApiTags('actors')
@Controller('workspaces/:workspaceId/actors')
export class ActorsController {
  constructor(private readonly actors: ActorsService) {}

  @Get()
  @WorkspaceAccess('content.read')
  @ApiZodResponse(ActorListSchema)
  async list(@Member() member: WorkspaceMember): Promise<ActorList> {
    return { actors: await this.actors.list(member.workspaceId) };
  }

  @Post()
  @EmitsWorkspaceEvent('actors.changed')
  @WorkspaceAccess('content.edit')
  @ApiZodBody(CreateActorBodySchema)
  @ApiZodResponse(ActorSchema, 201)
  async create(@Member() member: WorkspaceMember, @ValidBody(CreateActorBodySchema) body: CreateActorBody): Promise<Actor> {
    return await this.actors.create(member.workspaceId, body);
  }

  @Patch(':actorId')
  @EmitsWorkspaceEvent('actors.changed')
  @WorkspaceAccess('content.edit')
  @ApiZodBody(UpdateActorBodySchema)
  @ApiZodResponse(ActorSchema)
  async update(@Member() member: WorkspaceMember, @UuidParam('actorId', 'actor') actorId: string, @ValidBody(UpdateActorBodySchema) body: UpdateActorBody): Promise<Actor> {
    return await this.actors.update(member.workspaceId, actorId, body);
  }

  /** Also deletes the actor's attributions. */
  @Delete(':actorId')
  @EmitsWorkspaceEvent('actors.changed')
  @HttpCode(204)
  @WorkspaceAccess('content.edit')
  async remove(@Member() member: WorkspaceMember, @UuidParam('actorId', 'actor') actorId: string): Promise<void> {
    await this.actors.remove(member.workspaceId, actorId);
  }
}
