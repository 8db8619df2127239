/** Instance admin routes of email: test message, outbox, password reset links, instance invitations. */
import { Controller, Delete, Get, HttpCode, Post, Req, ServiceUnavailableException, ConflictException, NotFoundException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateInstanceInviteBodySchema,
  CreatedInstanceInviteSchema,
  InstanceInviteListSchema,
  OutboxListSchema,
  PasswordResetLinkSchema,
  SendTestEmailResultSchema,
  type CreateInstanceInviteBody,
  type CreatedInstanceInvite,
  type InstanceInviteList,
  type OutboxList,
  type PasswordResetLink,
  type SendTestEmailResult,
} from '@marginalia/shared';
import type { Request } from 'express';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodResponse, ValidBody } from '../../common/zod.js';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { clientIp, type AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { InstanceAdminOnly } from '../admin/instance-admin.guard.js';
import { requestOrigin } from '../workspaces/members.controller.js';
import { testEmail } from './email-templates.js';
import { InstanceInvitesService } from './instance-invites.service.js';
import { EmailNotConfiguredError, MailTransport } from './mail-transport.service.js';
import { OutboxService } from './outbox.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { publicBase } from './public-links.js';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';

@ApiTags('admin')
@InstanceAdminOnly()
@Controller('admin')
export class EmailAdminController {
  constructor(
    private readonly transport: MailTransport,
    private readonly outbox: OutboxService,
    private readonly resets: PasswordResetService,
    private readonly instanceInvites: InstanceInvitesService,
    private readonly audit: InstanceAuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends a test message to the admin now (not through the outbox), so the answer tells whether SMTP works. */
  @ApiZodResponse(SendTestEmailResultSchema, 201)
  @Post('email/test')
  async sendTest(@Auth() auth: AuthContext, @Req() request: Request): Promise<SendTestEmailResult> {
    const to = auth.user.email;
    try {
      await this.transport.send(testEmail({ to, baseUrl: publicBase(this.config, requestOrigin(request)) }));
    } catch (error) {
      if (error instanceof EmailNotConfiguredError) throw new ConflictException(error.message);
      throw new ServiceUnavailableException(`the SMTP server refused or could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.audit.record({ actorId: auth.user.id, action: 'email.testSent', subject: { type: 'email', id: null, label: to }, ip: clientIp(request) });
    return { to };
  }

  /** The latest messages and their delivery state (pending with attempts and last error, sent, failed). */
  @ApiZodResponse(OutboxListSchema)
  @Get('email/outbox')
  async outboxList(): Promise<OutboxList> {
    return { configured: await this.transport.configured(), messages: await this.outbox.list() };
  }

  @Post('email/outbox/:messageId/retry')
  @HttpCode(204)
  async retry(@UuidParam('messageId', 'message') messageId: string): Promise<void> {
    if (!(await this.outbox.retry(messageId))) throw new NotFoundException('message not found (or already sent)');
  }

  /** A one-time link (1 hour) that sets a new password, for the admin to hand over. Audited. */
  @ApiZodResponse(PasswordResetLinkSchema, 201)
  @Post('users/:userId/password-reset-link')
  async passwordResetLink(@Auth() auth: AuthContext, @UuidParam('userId', 'user') userId: string, @Req() request: Request): Promise<PasswordResetLink> {
    return await this.resets.createLink(userId, auth.user.id, clientIp(request), requestOrigin(request));
  }

  @ApiZodResponse(InstanceInviteListSchema)
  @Get('invitations')
  async listInvitations(): Promise<InstanceInviteList> {
    return { invites: await this.instanceInvites.listPending() };
  }

  /** Invites an email to register on the instance; emailed when email is configured, the link is returned either way. */
  @ApiZodResponse(CreatedInstanceInviteSchema, 201)
  @Post('invitations')
  @ApiZodBody(CreateInstanceInviteBodySchema)
  async invite(@Auth() auth: AuthContext, @ValidBody(CreateInstanceInviteBodySchema) body: CreateInstanceInviteBody, @Req() request: Request): Promise<CreatedInstanceInvite> {
    return await this.instanceInvites.create(body.email, auth.user.id, clientIp(request), requestOrigin(request));
  }

  @Delete('invitations/:inviteId')
  @HttpCode(204)
  async revokeInvitation(@Auth() auth: AuthContext, @UuidParam('inviteId', 'invitation') inviteId: string, @Req() request: Request): Promise<void> {
    await this.instanceInvites.revoke(inviteId, auth.user.id, clientIp(request));
  }
}
