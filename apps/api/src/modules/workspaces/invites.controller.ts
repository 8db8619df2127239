import { Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiZodBody, ValidBody } from '../../common/zod.js';
import { requestOrigin } from './members.controller.js';
import { ApiTags } from '@nestjs/swagger';
import { ApiZodResponse } from '../../common/zod.js';
import {
  AcceptInviteResultSchema,
  InviteListSchema,
  InvitePreviewSchema,
  MyInvitationListSchema,
  ResentInviteSchema,
  VerifyEmailBodySchema,
  VerifyEmailResultSchema,
  type ResentInvite,
  type VerifyEmailBody,
  type VerifyEmailResult,
  type AcceptInviteResult,
  type InviteList,
  type InvitePreview,
  type MyInvitationList,
} from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Public } from '../auth/public.decorator.js';
import { InvitesService } from './invites.service.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from './workspace-access.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';

const TOKEN_MAX_LENGTH = 128;

@ApiTags('invites')
@Controller()
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @ApiZodResponse(InviteListSchema)
  @Get('workspaces/:workspaceId/invites')
  @WorkspaceAccess('invites.read')
  async list(@Member() member: WorkspaceMember): Promise<InviteList> {
    return { invites: await this.invites.listPending(member.workspaceId) };
  }

  @Delete('workspaces/:workspaceId/invites/:inviteId')
  @EmitsWorkspaceEvent('members.changed')
  @HttpCode(204)
  @WorkspaceAccess('invites.manage')
  async revoke(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('inviteId', 'invite') inviteId: string): Promise<void> {
    await this.invites.revoke(member.workspaceId, inviteId, auth.user.id);
  }

  /** What an invite link shows before sign-in: the workspace name and the role offered. */
  @Public()
  @ApiZodResponse(InvitePreviewSchema)
  @Get('invites/:token')
  async preview(@Param('token') token: string): Promise<InvitePreview> {
    return await this.invites.preview(token.slice(0, TOKEN_MAX_LENGTH));
  }

  /** Invitations addressed to the signed-in account, to accept or decline in the app. */
  @ApiZodResponse(MyInvitationListSchema)
  @Get('invitations')
  async listMine(@Auth() auth: AuthContext): Promise<MyInvitationList> {
    return { invitations: await this.invites.listMine(auth.user) };
  }

  @ApiZodResponse(AcceptInviteResultSchema)
  @Post('invitations/:inviteId/accept')
  @EmitsWorkspaceEvent('members.changed')
  @HttpCode(200)
  async acceptMine(@Auth() auth: AuthContext, @UuidParam('inviteId', 'invitation') inviteId: string, @Req() request: Request): Promise<AcceptInviteResult> {
    return await this.invites.acceptMine(inviteId, auth.user, requestOrigin(request));
  }

  @ApiZodResponse(AcceptInviteResultSchema)
  @Post('invitations/:inviteId/decline')
  @EmitsWorkspaceEvent('members.changed')
  @HttpCode(200)
  async declineMine(@Auth() auth: AuthContext, @UuidParam('inviteId', 'invitation') inviteId: string): Promise<AcceptInviteResult> {
    return await this.invites.declineMine(inviteId, auth.user);
  }

  @ApiZodResponse(AcceptInviteResultSchema)
  @Post('invites/:token/accept')
  @EmitsWorkspaceEvent('members.changed')
  @HttpCode(200)
  async accept(@Auth() auth: AuthContext, @Param('token') token: string, @Req() request: Request): Promise<AcceptInviteResult> {
    return await this.invites.accept(token.slice(0, TOKEN_MAX_LENGTH), auth.user, requestOrigin(request));
  }

  /** Sends an invite again: new link and expiry (the old link stops working), emailed when email is configured. */
  @ApiZodResponse(ResentInviteSchema, 201)
  @Post('workspaces/:workspaceId/invites/:inviteId/resend')
  @EmitsWorkspaceEvent('members.changed')
  @WorkspaceAccess('invites.manage')
  async resend(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('inviteId', 'invite') inviteId: string, @Req() request: Request): Promise<ResentInvite> {
    const resent = await this.invites.resend(member.workspaceId, inviteId, auth.user.id, requestOrigin(request));
    return { invite: resent.invite, inviteUrl: resent.inviteUrl, emailed: resent.emailed };
  }

  /** A confirmation link emailed to an account's address was opened: verify it and accept the invite it was for. */
  @Public()
  @ApiZodResponse(VerifyEmailResultSchema)
  @Post('auth/verify-email')
  @EmitsWorkspaceEvent('members.changed')
  @HttpCode(200)
  @ApiZodBody(VerifyEmailBodySchema)
  async verifyEmail(@ValidBody(VerifyEmailBodySchema) body: VerifyEmailBody): Promise<VerifyEmailResult> {
    return await this.invites.verifyEmail(body.token);
  }
}
