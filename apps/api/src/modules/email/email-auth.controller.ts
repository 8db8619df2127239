/** Signed-out email flows (forgot password, reset, instance invitation preview) and the mention email preference. */
import { Controller, Get, HttpCode, Inject, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuthResultSchema,
  EmailPreferencesSchema,
  ForgotPasswordBodySchema,
  InstanceInvitePreviewSchema,
  PasswordResetPreviewSchema,
  ResetPasswordBodySchema,
  UpdateEmailPreferencesBodySchema,
  type AuthResult,
  type EmailPreferences,
  type ForgotPasswordBody,
  type InstanceInvitePreview,
  type PasswordResetPreview,
  type ResetPasswordBody,
  type UpdateEmailPreferencesBody,
} from '@marginalia/shared';
import type { Request, Response } from 'express';
import { ApiZodBody, ApiZodResponse, ValidBody } from '../../common/zod.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { toCurrentUser } from '../auth/accounts.service.js';
import { clientIp, type AuthContext } from '../auth/auth-context.js';
import { Auth, Public } from '../auth/public.decorator.js';
import { setSessionCookies } from '../auth/session-cookies.js';
import { SessionsService } from '../auth/sessions.service.js';
import { User } from '../auth/user.entity.js';
import { requestOrigin } from '../workspaces/members.controller.js';
import { InstanceInvitesService } from './instance-invites.service.js';
import { PasswordResetService } from './password-reset.service.js';

const TOKEN_MAX_LENGTH = 128;

@ApiTags('auth')
@Controller()
export class EmailAuthController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly instanceInvites: InstanceInvitesService,
    private readonly sessions: SessionsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Emails a reset link if the account exists: 202 either way (the answer does not tell). 409 when
   * email is not configured (an admin hands out links then); 429 past the per-IP limit.
   */
  @Public()
  @Post('auth/forgot-password')
  @HttpCode(202)
  @ApiZodBody(ForgotPasswordBodySchema)
  async forgotPassword(@ValidBody(ForgotPasswordBodySchema) body: ForgotPasswordBody, @Req() request: Request): Promise<void> {
    await this.resets.requestByEmail(body.email, clientIp(request), requestOrigin(request));
  }

  @Public()
  @ApiZodResponse(PasswordResetPreviewSchema)
  @Get('auth/password-reset/:token')
  async previewReset(@Param('token') token: string): Promise<PasswordResetPreview> {
    return await this.resets.preview(token.slice(0, TOKEN_MAX_LENGTH));
  }

  /** Sets the new password once, ends every session of the account, and signs this browser in. */
  @Public()
  @ApiZodResponse(AuthResultSchema)
  @Post('auth/password-reset')
  @HttpCode(200)
  @ApiZodBody(ResetPasswordBodySchema)
  async reset(@ValidBody(ResetPasswordBodySchema) body: ResetPasswordBody, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthResult> {
    const user = await this.resets.reset(body.token, body.password, clientIp(request));
    const { session, secret } = await this.sessions.issue(user.id, { ip: clientIp(request), userAgent: request.headers['user-agent'] ?? null });
    setSessionCookies(response, this.config, secret, session);
    return { user: toCurrentUser(user), csrfToken: session.csrfToken };
  }

  @Public()
  @ApiZodResponse(InstanceInvitePreviewSchema)
  @Get('instance-invitations/:token')
  async previewInstanceInvite(@Param('token') token: string): Promise<InstanceInvitePreview> {
    return await this.instanceInvites.preview(token.slice(0, TOKEN_MAX_LENGTH));
  }

  @ApiZodResponse(EmailPreferencesSchema)
  @Get('auth/email-preferences')
  async preferences(@Auth() auth: AuthContext): Promise<EmailPreferences> {
    return { mentions: auth.user.mentionEmails };
  }

  @ApiZodResponse(EmailPreferencesSchema)
  @Patch('auth/email-preferences')
  @ApiZodBody(UpdateEmailPreferencesBodySchema)
  async updatePreferences(@Auth() auth: AuthContext, @ValidBody(UpdateEmailPreferencesBodySchema) body: UpdateEmailPreferencesBody): Promise<EmailPreferences> {
    await this.dataSource.getRepository(User).update({ id: auth.user.id }, { mentionEmails: body.mentions });
    return { mentions: body.mentions };
  }
}
