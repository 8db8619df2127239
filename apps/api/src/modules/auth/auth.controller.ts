import { Controller, Delete, ForbiddenException, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../common/uuid-param.js';
import {
  AdminSetupBodySchema,
  AuthResultSchema,
  ChangePasswordBodySchema,
  CurrentUserSchema,
  LoginBodySchema,
  PASSWORD_SIGN_IN_OFF_MESSAGE,
  passwordSignInOffered,
  RegisterBodySchema,
  SessionStateSchema,
  UpdateProfileBodySchema,
  type AdminSetupBody,
  type AuthResult,
  type ChangePasswordBody,
  type CurrentUser,
  type LoginBody,
  type RegisterBody,
  type SessionState,
  type SessionSummary,
  type UpdateProfileBody,
} from '@marginalia/shared';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { InstanceSettingsService } from '../instance/instance-settings.service.js';
import { ApiZodBody, ValidBody, ApiZodResponse } from '../../common/zod.js';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { AccountsService, toCurrentUser } from './accounts.service.js';
import { clientIp, type AuthContext } from './auth-context.js';
import { AdminSetupService } from './admin-setup.service.js';
import { LoginThrottle } from './login-throttle.service.js';
import { RegistrationThrottle } from './registration-throttle.service.js';
import { Auth, Public, SessionOnly } from './public.decorator.js';
import { clearSessionCookies, setSessionCookies } from './session-cookies.js';
import { SessionsService } from './sessions.service.js';
import type { User } from './user.entity.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly registrations: RegistrationThrottle,
    private readonly adminSetup: AdminSetupService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: InstanceAuditService,
    private readonly settings: InstanceSettingsService,
  ) {}

  @Public()
  @ApiZodResponse(AuthResultSchema, 201)
  @Post('register')
  @ApiZodBody(RegisterBodySchema)
  async register(@ValidBody(RegisterBodySchema) body: RegisterBody, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthResult> {
    await this.assertPasswordSignIn();
    await this.registrations.admit(clientIp(request));
    const user = await this.accounts.register(body);
    await this.audit.record({ actorId: user.id, action: 'user.registered', subject: { type: 'user', id: user.id, label: user.email }, details: { viaInvite: body.inviteToken !== undefined }, ip: clientIp(request) });
    return await this.startSession(user, request, response);
  }

  @Public()
  @ApiZodResponse(AuthResultSchema)
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(LoginBodySchema)
  async login(@ValidBody(LoginBodySchema) body: LoginBody, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthResult> {
    await this.assertPasswordSignIn();
    const ip = clientIp(request);
    const attemptId = await this.throttle.begin(body.email, ip);
    let user: User;
    try {
      user = await this.accounts.verifyCredentials(body.email, body.password);
    } catch (error) {
      await this.throttle.finish(attemptId, body.email, ip, false);
      // The email as typed (lower-cased, cut short): a failure may name no account at all.
      await this.audit.record({ actorId: null, action: 'auth.signInFailed', subject: { type: 'email', label: body.email.trim().toLowerCase().slice(0, 320) }, details: { reason: error instanceof Error ? error.message : 'refused' }, ip });
      throw error;
    }
    await this.throttle.finish(attemptId, body.email, ip, true);
    await this.audit.record({ actorId: user.id, action: 'auth.signedIn', subject: { type: 'user', id: user.id, label: user.email }, ip });
    return await this.startSession(user, request, response);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Auth() auth: AuthContext, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (auth.sessionId) await this.sessions.revoke(auth.user.id, auth.sessionId);
    await this.audit.record({ actorId: auth.user.id, action: 'auth.signedOut', subject: { type: 'user', id: auth.user.id, label: auth.user.email }, ip: clientIp(request) });
    clearSessionCookies(response, this.config);
  }

  /** Log out everywhere: every session of this account ends, this one included. */
  @Post('logout-all')
  @HttpCode(204)
  async logoutAll(@Auth() auth: AuthContext, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.revokeAll(auth.user.id);
    await this.audit.record({ actorId: auth.user.id, action: 'auth.signedOut', subject: { type: 'user', id: auth.user.id, label: auth.user.email }, details: { everywhere: true }, ip: clientIp(request) });
    clearSessionCookies(response, this.config);
  }

  @Public()
  @ApiZodResponse(SessionStateSchema)
  @Get('session')
  session(@Req() request: Request & { auth?: AuthContext }): SessionState {
    return { user: request.auth ? toCurrentUser(request.auth.user) : null };
  }

  @ApiZodResponse(CurrentUserSchema)
  @Get('me')
  me(@Auth() auth: AuthContext): CurrentUser {
    return toCurrentUser(auth.user);
  }

  @ApiZodResponse(CurrentUserSchema)
  @Patch('me')
  @ApiZodBody(UpdateProfileBodySchema)
  async updateMe(@Auth() auth: AuthContext, @ValidBody(UpdateProfileBodySchema) body: UpdateProfileBody): Promise<CurrentUser> {
    return toCurrentUser(await this.accounts.updateProfile(auth.user, body.displayName));
  }

  /** Changing the password ends every other session of the account. */
  @Post('password')
  @HttpCode(204)
  @ApiZodBody(ChangePasswordBodySchema)
  async changePassword(@Auth() auth: AuthContext, @Req() request: Request, @ValidBody(ChangePasswordBodySchema) body: ChangePasswordBody): Promise<void> {
    await this.accounts.changePassword(auth.user, body.currentPassword, body.newPassword);
    await this.sessions.revokeAllExcept(auth.user.id, auth.sessionId);
    await this.audit.record({ actorId: auth.user.id, action: 'auth.passwordChanged', subject: { type: 'user', id: auth.user.id, label: auth.user.email }, ip: clientIp(request) });
  }

  @Get('sessions')
  async listSessions(@Auth() auth: AuthContext): Promise<{ sessions: SessionSummary[] }> {
    return { sessions: await this.sessions.list(auth.user.id, auth.sessionId) };
  }

  @Delete('sessions/:sessionId')
  @HttpCode(204)
  async revokeSession(@Auth() auth: AuthContext, @UuidParam('sessionId', 'session') sessionId: string): Promise<void> {
    await this.sessions.revoke(auth.user.id, sessionId);
  }

  /** The one-time link printed at start-up while the instance has no admin (see AdminSetupService). */
  @SessionOnly()
  @Post('admin-setup')
  @HttpCode(204)
  @ApiZodBody(AdminSetupBodySchema)
  async claimAdminSetup(@Auth() auth: AuthContext, @ValidBody(AdminSetupBodySchema) body: AdminSetupBody): Promise<void> {
    await this.adminSetup.claim(body.token, auth.user);
  }

  /** With password sign-in off (and a provider configured), accounts are reached through single sign-on only. */
  private async assertPasswordSignIn(): Promise<void> {
    if (!passwordSignInOffered(await this.settings.current())) throw new ForbiddenException(PASSWORD_SIGN_IN_OFF_MESSAGE);
  }

  private async startSession(user: User, request: Request, response: Response): Promise<AuthResult> {
    const { session, secret } = await this.sessions.issue(user.id, { ip: clientIp(request), userAgent: request.headers['user-agent'] ?? null });
    setSessionCookies(response, this.config, secret, session);
    return { user: toCurrentUser(user), csrfToken: session.csrfToken };
  }
}
