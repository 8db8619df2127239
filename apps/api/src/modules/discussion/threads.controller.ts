import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CreateThreadBodySchema, ThreadDetailSchema, ThreadListQuerySchema, ThreadListSchema, type CreateThreadBody, type ThreadDetail, type ThreadList } from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ValidBody, ValidQuery } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';
import { WorkspaceEvents } from '../collab/workspace-events.service.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { ThreadsService } from './threads.service.js';

@ApiTags('discussion')
@Controller('workspaces/:workspaceId/threads')
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly events: WorkspaceEvents,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Threads, most recently active first, with filters and full-text search over their comments (pages of 100: pass nextCursor as cursor)' })
  @WorkspaceAccess('content.read')
  @ApiZodQuery(ThreadListQuerySchema)
  @ApiZodResponse(ThreadListSchema)
  async list(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidQuery(ThreadListQuerySchema) query: z.output<typeof ThreadListQuerySchema>): Promise<ThreadList> {
    return this.threads.list({ member, userId: auth.user.id }, query);
  }

  @Post()
  @ApiOperation({ summary: 'Starts a thread on an anchor (a span, an annotation, a tag, a map node or edge, an ACH cell, a document, the workspace) with its first comment' })
  @EmitsWorkspaceEvent('discussion.changed')
  @WorkspaceAccess('comments.create')
  @ApiZodBody(CreateThreadBodySchema)
  @ApiZodResponse(ThreadDetailSchema, 201)
  async create(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidBody(CreateThreadBodySchema) body: CreateThreadBody): Promise<ThreadDetail> {
    const { detail, notified } = await this.threads.create({ member, userId: auth.user.id }, body);
    if (notified.length > 0) this.events.publish('notifications.changed', member.workspaceId, notified, auth.user.id);
    return detail;
  }

  @Get(':threadId')
  @WorkspaceAccess('content.read')
  @ApiZodResponse(ThreadDetailSchema)
  async detail(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('threadId', 'thread') threadId: string): Promise<ThreadDetail> {
    return this.threads.detail({ member, userId: auth.user.id }, threadId);
  }

  @Post(':threadId/resolve')
  @HttpCode(200)
  @EmitsWorkspaceEvent('discussion.changed')
  @WorkspaceAccess('comments.create')
  @ApiZodResponse(ThreadDetailSchema)
  async resolve(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('threadId', 'thread') threadId: string): Promise<ThreadDetail> {
    return this.threads.setResolved({ member, userId: auth.user.id }, threadId, true);
  }

  @Post(':threadId/reopen')
  @HttpCode(200)
  @EmitsWorkspaceEvent('discussion.changed')
  @WorkspaceAccess('comments.create')
  @ApiZodResponse(ThreadDetailSchema)
  async reopen(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('threadId', 'thread') threadId: string): Promise<ThreadDetail> {
    return this.threads.setResolved({ member, userId: auth.user.id }, threadId, false);
  }

  @Post(':threadId/read')
  @HttpCode(204)
  @ApiOperation({ summary: "Marks the thread read for the caller (its unread count and notifications); viewers too" })
  @WorkspaceAccess('content.read')
  async read(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('threadId', 'thread') threadId: string): Promise<void> {
    const cleared = await this.threads.markRead({ member, userId: auth.user.id }, threadId);
    if (cleared > 0) this.events.publish('notifications.changed', member.workspaceId, [auth.user.id], auth.user.id);
  }
}
