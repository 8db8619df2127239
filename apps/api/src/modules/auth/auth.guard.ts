/**
 * Global guard: every route needs a valid session or personal token unless marked @Public.
 * Cookie-authenticated requests that change state must echo the session's CSRF token in a
 * header; a cross-site form cannot read it. Token-authenticated requests are not exposed to
 * CSRF (browsers never add the header on their own). Public routes that change state (login,
 * registration) have no token to check, so they refuse cross-site browser requests instead.
 */
import { ForbiddenException, Inject, Injectable, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER } from '@marginalia/shared';
import type { Request } from 'express';
import { escapeForLog } from '../../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { CROSS_SITE_REFUSED, allowedBrowserOrigins, isCrossSite } from '../../http/cross-site.js';
import { clientIp, type AuthenticatedRequest } from './auth-context.js';
import { Authenticator } from './authenticator.service.js';
import { IS_PUBLIC, SESSION_ONLY } from './public.decorator.js';
import { safeEqual } from './secrets.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Security');
  private readonly allowedOrigins: ReadonlySet<string>;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.allowedOrigins = allowedBrowserOrigins(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & Partial<AuthenticatedRequest>>();
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic && !SAFE_METHODS.has(request.method) && this.isCrossSite(request)) {
      this.logger.warn(`cross-site ${request.method} ${escapeForLog(request.originalUrl)} origin=${escapeForLog(String(request.headers.origin))} ip=${escapeForLog(clientIp(request))}`);
      throw new ForbiddenException(CROSS_SITE_REFUSED);
    }
    const auth = await this.authenticator.authenticate({
      cookies: (request.cookies ?? {}) as Record<string, string | undefined>,
      authorization: request.headers.authorization,
    });
    if (auth) request.auth = auth;
    if (isPublic) return true;
    if (!auth) {
      this.logger.warn(`unauthenticated ${request.method} ${escapeForLog(request.originalUrl)} ip=${escapeForLog(clientIp(request))}`);
      throw new UnauthorizedException('sign in first (session cookie or Bearer token)');
    }
    if (auth.via !== 'session' && this.reflector.getAllAndOverride<boolean | undefined>(SESSION_ONLY, [context.getHandler(), context.getClass()])) {
      this.logger.warn(`session-only route refused to token=${auth.tokenId ?? '?'} user=${auth.user.id} ${request.method} ${escapeForLog(request.originalUrl)}`);
      throw new ForbiddenException('this needs a signed-in session; a personal access token cannot do it');
    }
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !auth.csrfToken || !safeEqual(header, auth.csrfToken)) {
        this.logger.warn(`csrf check failed user=${auth.user.id} ${request.method} ${escapeForLog(request.originalUrl)}`);
        throw new ForbiddenException(`missing or wrong ${CSRF_HEADER} header`);
      }
    }
    return true;
  }

  private isCrossSite(request: Request): boolean {
    const secFetchSite = request.headers['sec-fetch-site'];
    return isCrossSite({ origin: request.headers.origin, host: request.headers.host, secFetchSite: typeof secFetchSite === 'string' ? secFetchSite : undefined }, this.allowedOrigins);
  }
}
