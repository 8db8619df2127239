import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  ArgumentMapListQuerySchema,
  ArgumentMapListSchema,
  ArgumentMapSchema,
  CreateArgumentMapBodySchema,
  DuplicateArgumentMapBodySchema,
  MapCitationListSchema,
  MapCitationQuerySchema,
  UpdateArgumentMapBodySchema,
  type ArgumentMap,
  type ArgumentMapList,
  type CreateArgumentMapBody,
  type DuplicateArgumentMapBody,
  type MapCitationList,
  type UpdateArgumentMapBody,
} from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ValidBody, ValidQuery } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { MapsService } from './maps.service.js';

@ApiTags('maps')
@Controller('workspaces/:workspaceId')
export class MapsController {
  constructor(private readonly maps: MapsService) {}

  @Get('maps')
  @ApiOperation({ summary: "The workspace's argument maps, most recently changed first (archived ones with ?archived=true)" })
  @WorkspaceAccess('content.read')
  @ApiZodQuery(ArgumentMapListQuerySchema)
  @ApiZodResponse(ArgumentMapListSchema)
  async list(@Member() member: WorkspaceMember, @ValidQuery(ArgumentMapListQuerySchema) query: z.output<typeof ArgumentMapListQuerySchema>): Promise<ArgumentMapList> {
    return { maps: await this.maps.list(member.workspaceId, query.archived ?? false) };
  }

  @Post('maps')
  @ApiOperation({ summary: 'Creates an empty map; join its docName on the /collab socket to edit it' })
  @EmitsWorkspaceEvent('maps.changed')
  @WorkspaceAccess('maps.edit')
  @ApiZodBody(CreateArgumentMapBodySchema)
  @ApiZodResponse(ArgumentMapSchema, 201)
  async create(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidBody(CreateArgumentMapBodySchema) body: CreateArgumentMapBody): Promise<ArgumentMap> {
    return this.maps.create({ member, userId: auth.user.id }, body.title);
  }

  @Get('maps/:mapId')
  @WorkspaceAccess('content.read')
  @ApiZodResponse(ArgumentMapSchema)
  async get(@Member() member: WorkspaceMember, @UuidParam('mapId', 'map') mapId: string): Promise<ArgumentMap> {
    return this.maps.get(member.workspaceId, mapId);
  }

  @Patch('maps/:mapId')
  @ApiOperation({ summary: 'Renames, archives or unarchives a map' })
  @EmitsWorkspaceEvent('maps.changed')
  @WorkspaceAccess('maps.edit')
  @ApiZodBody(UpdateArgumentMapBodySchema)
  @ApiZodResponse(ArgumentMapSchema)
  async update(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('mapId', 'map') mapId: string, @ValidBody(UpdateArgumentMapBodySchema) body: UpdateArgumentMapBody): Promise<ArgumentMap> {
    return this.maps.update({ member, userId: auth.user.id }, mapId, body);
  }

  @Post('maps/:mapId/duplicate')
  @ApiOperation({ summary: "Copies a map's current content into a new map" })
  @EmitsWorkspaceEvent('maps.changed')
  @WorkspaceAccess('maps.edit')
  @ApiZodBody(DuplicateArgumentMapBodySchema)
  @ApiZodResponse(ArgumentMapSchema, 201)
  async duplicate(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('mapId', 'map') mapId: string, @ValidBody(DuplicateArgumentMapBodySchema) body: DuplicateArgumentMapBody): Promise<ArgumentMap> {
    return this.maps.duplicate({ member, userId: auth.user.id }, mapId, body.title);
  }

  @Delete('maps/:mapId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a map and its history (its creator, or an admin)' })
  @EmitsWorkspaceEvent('maps.changed')
  @WorkspaceAccess('maps.edit')
  async remove(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('mapId', 'map') mapId: string): Promise<void> {
    await this.maps.remove({ member, userId: auth.user.id }, mapId);
  }

  @Get('map-citations')
  @ApiOperation({ summary: 'Which map nodes cite which spans of the corpus (filter by document or map)' })
  @WorkspaceAccess('content.read')
  @ApiZodQuery(MapCitationQuerySchema)
  @ApiZodResponse(MapCitationListSchema)
  async citations(@Member() member: WorkspaceMember, @ValidQuery(MapCitationQuerySchema) query: z.output<typeof MapCitationQuerySchema>): Promise<MapCitationList> {
    return { citations: await this.maps.citations(member.workspaceId, query) };
  }
}
