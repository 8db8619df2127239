import { Controller, Delete, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AddMemberBodySchema,
  AddMemberResultSchema,
  BulkInviteBodySchema,
  BulkInviteResultSchema,
  type BulkInviteBody,
  type BulkInviteResult,
  MemberListSchema,
  MemberSchema,
  UpdateMemberBodySchema,
  type AddMemberBody,
  type AddMemberResult,
  type Member as MemberDto,
  type MemberList,
  type UpdateMemberBody,
} from '@marginalia/shared';
import type { Request } from 'express';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ValidBody, ApiZodResponse } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { MembersService } from './members.service.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from './workspace-access.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';

/** Where the caller reached us, for invite links when PUBLIC_URL is unset. */
export function requestOrigin(request: Request): string {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && /^https?:\/\/[^/\s]+$/.test(origin)) return origin;
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

@ApiTags('members')
@Controller('workspaces/:workspaceId')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @ApiZodResponse(MemberListSchema)
  @Get('members')
  @WorkspaceAccess('members.read')
  async list(@Member() member: WorkspaceMember): Promise<MemberList> {
    return { members: await this.members.list(member.workspaceId) };
  }

  /** 201 with an invite (link to share), the same whether or not the email has an account. */
  @ApiZodResponse(AddMemberResultSchema, 201)
  @Post('members')
  @EmitsWorkspaceEvent('members.changed')
  @WorkspaceAccess('members.manage')
  @ApiZodBody(AddMemberBodySchema)
  async add(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidBody(AddMemberBodySchema) body: AddMemberBody, @Req() request: Request): Promise<AddMemberResult> {
    return await this.members.add(member, auth.user.id, body, requestOrigin(request));
  }

  /** Invite a pasted list of emails (optional role per line); each line is invited or skipped with its reason. */
  @ApiZodResponse(BulkInviteResultSchema, 201)
  @Post('invites/bulk')
  @EmitsWorkspaceEvent('members.changed')
  @WorkspaceAccess('members.manage')
  @ApiZodBody(BulkInviteBodySchema)
  async bulkInvite(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidBody(BulkInviteBodySchema) body: BulkInviteBody, @Req() request: Request): Promise<BulkInviteResult> {
    return await this.members.bulkInvite(member, auth.user.id, body, requestOrigin(request));
  }

  @ApiZodResponse(MemberSchema)
  @Patch('members/:userId')
  @EmitsWorkspaceEvent('members.changed')
  @WorkspaceAccess('members.manage')
  @ApiZodBody(UpdateMemberBodySchema)
  async changeRole(
    @Auth() auth: AuthContext,
    @Member() member: WorkspaceMember,
    @UuidParam('userId', 'member') userId: string,
    @ValidBody(UpdateMemberBodySchema) body: UpdateMemberBody,
  ): Promise<MemberDto> {
    return await this.members.changeRole(member, auth.user.id, userId, body.role);
  }

  @Delete('members/:userId')
  @EmitsWorkspaceEvent('members.changed')
  @HttpCode(204)
  @WorkspaceAccess('members.manage')
  async remove(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('userId', 'member') userId: string): Promise<void> {
    await this.members.remove(member, auth.user.id, userId);
  }

  /** Any member may leave, except the last owner. */
  @Post('leave')
  @EmitsWorkspaceEvent('members.changed')
  @HttpCode(204)
  @WorkspaceAccess('workspace.read')
  async leave(@Auth() auth: AuthContext, @Member() member: WorkspaceMember): Promise<void> {
    await this.members.remove(member, auth.user.id, auth.user.id);
  }
}
