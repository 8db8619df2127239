import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommentBodyInputSchema, CommentHistorySchema, CommentSchema, type Comment, type CommentBodyInput, type CommentHistory } from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodResponse, ValidBody } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';
import { WorkspaceEvents } from '../collab/workspace-events.service.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { CommentsService } from './comments.service.js';
import { ThreadsService } from './threads.service.js';

@ApiTags('discussion')
@Controller('workspaces/:workspaceId/threads/:threadId/comments')
export class CommentsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly comments: CommentsService,
    private readonly events: WorkspaceEvents,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Replies in a thread (Markdown; mention members with [@Name](mention:<userId>))' })
  @EmitsWorkspaceEvent('discussion.changed')
  @WorkspaceAccess('comments.create')
  @ApiZodBody(CommentBodyInputSchema)
  @ApiZodResponse(CommentSchema, 201)
  async add(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('threadId', 'thread') threadId: string, @ValidBody(CommentBodyInputSchema) body: CommentBodyInput): Promise<Comment> {
    const caller = { member, userId: auth.user.id };
    await this.threads.visibleThread(caller, threadId);
    const { comment, notified } = await this.comments.add(caller, threadId, body.body);
    if (notified.length > 0) this.events.publish('notifications.changed', member.workspaceId, notified, auth.user.id);
    return comment;
  }

  @Patch(':commentId')
  @ApiOperation({ summary: 'Edits one of your comments (the previous text is kept in its history)' })
  @EmitsWorkspaceEvent('discussion.changed')
  @WorkspaceAccess('comments.create')
  @ApiZodBody(CommentBodyInputSchema)
  @ApiZodResponse(CommentSchema)
  async edit(
    @Auth() auth: AuthContext,
    @Member() member: WorkspaceMember,
    @UuidParam('threadId', 'thread') threadId: string,
    @UuidParam('commentId', 'comment') commentId: string,
    @ValidBody(CommentBodyInputSchema) body: CommentBodyInput,
  ): Promise<Comment> {
    const caller = { member, userId: auth.user.id };
    await this.threads.visibleThread(caller, threadId);
    const { comment, notified } = await this.comments.edit(caller, threadId, commentId, body.body);
    if (notified.length > 0) this.events.publish('notifications.changed', member.workspaceId, notified, auth.user.id);
    return comment;
  }

  @Delete(':commentId')
  @HttpCode(204)
  @ApiOperation({ summary: "Deletes one of your comments (admins: anyone's); it shows as removed" })
  @EmitsWorkspaceEvent('discussion.changed')
  @WorkspaceAccess('comments.create')
  async remove(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('threadId', 'thread') threadId: string, @UuidParam('commentId', 'comment') commentId: string): Promise<void> {
    const caller = { member, userId: auth.user.id };
    await this.threads.visibleThread(caller, threadId);
    await this.comments.remove(caller, threadId, commentId);
  }

  @Get(':commentId/history')
  @ApiOperation({ summary: "Every text the comment has had, oldest first (a deleted comment's only for its author and admins)" })
  @WorkspaceAccess('content.read')
  @ApiZodResponse(CommentHistorySchema)
  async history(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('threadId', 'thread') threadId: string, @UuidParam('commentId', 'comment') commentId: string): Promise<CommentHistory> {
    const caller = { member, userId: auth.user.id };
    await this.threads.visibleThread(caller, threadId);
    return this.comments.history(caller, threadId, commentId);
  }
}
