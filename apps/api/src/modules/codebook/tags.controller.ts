import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateTagBodySchema,
  DeleteTagQuerySchema,
  MergeTagBodySchema,
  MoveTagBodySchema,
  TagListSchema,
  TagSchema,
  UpdateTagBodySchema,
  type CreateTagBody,
  type DeleteTagQuery,
  type MergeTagBody,
  type MoveTagBody,
  type Tag,
  type TagList,
  type UpdateTagBody,
} from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ValidBody, ValidQuery } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { TagsService } from './tags.service.js';

@ApiTags('codebook')
@Controller('workspaces/:workspaceId/tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  /** The whole codebook, depth first (parents before children, siblings in order). */
  @Get()
  @WorkspaceAccess('content.read')
  @ApiZodResponse(TagListSchema)
  async list(@Member() member: WorkspaceMember): Promise<TagList> {
    return { tags: await this.tags.list(member.workspaceId) };
  }

  /** Admins; editors too when the coding settings let them add tags while coding. */
  @Post()
  @EmitsWorkspaceEvent('codebook.changed')
  @WorkspaceAccess('annotations.create')
  @ApiZodBody(CreateTagBodySchema)
  @ApiZodResponse(TagSchema, 201)
  async create(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidBody(CreateTagBodySchema) body: CreateTagBody): Promise<Tag> {
    return await this.tags.create(member, auth.user.id, body);
  }

  @Patch(':tagId')
  @EmitsWorkspaceEvent('codebook.changed')
  @WorkspaceAccess('codebook.manage')
  @ApiZodBody(UpdateTagBodySchema)
  @ApiZodResponse(TagSchema)
  async update(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('tagId', 'tag') tagId: string, @ValidBody(UpdateTagBodySchema) body: UpdateTagBody): Promise<Tag> {
    return await this.tags.update(member.workspaceId, auth.user.id, tagId, body);
  }

  /** Reparent and/or reorder; a tag never moves under itself or its own sub-tags. */
  @Post(':tagId/move')
  @HttpCode(200)
  @EmitsWorkspaceEvent('codebook.changed')
  @WorkspaceAccess('codebook.manage')
  @ApiZodBody(MoveTagBodySchema)
  @ApiZodResponse(TagSchema)
  async move(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('tagId', 'tag') tagId: string, @ValidBody(MoveTagBodySchema) body: MoveTagBody): Promise<Tag> {
    return await this.tags.move(member.workspaceId, auth.user.id, tagId, body);
  }

  /** Merges this tag into another: its annotations and sub-tags follow; answers the tag merged into. */
  @Post(':tagId/merge')
  @HttpCode(200)
  @EmitsWorkspaceEvent('codebook.changed')
  @WorkspaceAccess('codebook.manage')
  @ApiZodBody(MergeTagBodySchema)
  @ApiZodResponse(TagSchema)
  async merge(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('tagId', 'tag') tagId: string, @ValidBody(MergeTagBodySchema) body: MergeTagBody): Promise<Tag> {
    return await this.tags.merge(member.workspaceId, auth.user.id, tagId, body.intoTagId);
  }

  /** `?annotations=delete` or `?annotations=move&moveTo=<tagId>`; sub-tags move up a level. */
  @Delete(':tagId')
  @HttpCode(204)
  @EmitsWorkspaceEvent('codebook.changed')
  @WorkspaceAccess('codebook.manage')
  @ApiZodQuery(DeleteTagQuerySchema)
  async remove(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('tagId', 'tag') tagId: string, @ValidQuery(DeleteTagQuerySchema) query: DeleteTagQuery): Promise<void> {
    await this.tags.remove(member.workspaceId, auth.user.id, tagId, query);
  }
}
