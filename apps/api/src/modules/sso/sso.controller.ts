/**
 * GET /api/auth/oidc/start and /callback: the browser's round trip through the provider
 * (authorization code flow with PKCE S256, state and nonce). Plain GET links, not form posts:
 * the CSP allows forms to post to this site only. Every refusal lands on
 * `/login?sso_error=<code>` (the login page shows the sentence) and is written to the instance
 * audit log as auth.ssoRefused.
 */
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SSO_CALLBACK_PATH, type SsoErrorCode } from '@marginalia/shared';
import type { Request, Response } from 'express';
import * as client from 'openid-client';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { clientIp } from '../auth/auth-context.js';
import { Public } from '../auth/public.decorator.js';
import { setSessionCookies } from '../auth/session-cookies.js';
import { SessionsService } from '../auth/sessions.service.js';
import { OidcClientService } from './oidc-client.service.js';
import { OIDC_TRANSACTION_TTL_MS, OidcTransactionsService } from './oidc-transactions.service.js';
import { SsoAccountsService } from './sso-accounts.service.js';
import { hasAdminClaim, personFromClaims, safeReturnTo, type Claims } from './sso-claims.js';

export const OIDC_TRANSACTION_COOKIE = 'marginalia_oidc';
const COOKIE_PATH = '/api/auth/oidc';

class SsoRefusal extends Error {
  constructor(
    readonly code: SsoErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

@ApiTags('auth')
@Controller('auth/oidc')
export class SsoController {
  constructor(
    private readonly oidc: OidcClientService,
    private readonly transactions: OidcTransactionsService,
    private readonly accounts: SsoAccountsService,
    private readonly sessions: SessionsService,
    private readonly audit: InstanceAuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @ApiOperation({ summary: 'Start single sign-on: redirects to the OpenID Connect provider (or back to /login?sso_error=... when it is not configured or unreachable).' })
  @Get('start')
  async start(@Query('returnTo') returnTo: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    try {
      const provider = await this.oidc.provider();
      if (!provider) throw new SsoRefusal('not-configured');
      const configuration = await this.oidc.configuration(provider).catch((error: unknown) => {
        throw new SsoRefusal('provider-unreachable', { error: describe(error) });
      });
      const redirectUri = this.redirectUri(request);
      const started = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const key = await this.transactions.start({ ...started, issuer: provider.issuer, redirectUri, returnTo: safeReturnTo(returnTo) });
      const authorizationUrl = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        state: started.state,
        nonce: started.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(started.codeVerifier),
        code_challenge_method: 'S256',
      });
      response.cookie(OIDC_TRANSACTION_COOKIE, key, { ...this.cookieOptions(), maxAge: OIDC_TRANSACTION_TTL_MS });
      response.redirect(302, authorizationUrl.href);
    } catch (error) {
      await this.refuse(error, request, response);
    }
  }

  @Public()
  @ApiOperation({ summary: 'Where the provider sends the browser back: checks the answer, signs in (session cookies) and redirects into the app.' })
  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const key = (request.cookies as Record<string, string | undefined>)[OIDC_TRANSACTION_COOKIE];
    response.clearCookie(OIDC_TRANSACTION_COOKIE, this.cookieOptions());
    try {
      const transaction = await this.transactions.take(key);
      if (!transaction) throw new SsoRefusal('missing-state');
      const query = request.query as Record<string, unknown>;
      if (typeof query.error === 'string') {
        throw new SsoRefusal('provider-error', { error: query.error, description: typeof query.error_description === 'string' ? query.error_description.slice(0, 500) : null });
      }
      if (query.state !== transaction.state) throw new SsoRefusal('bad-state');
      const provider = await this.oidc.provider();
      if (!provider) throw new SsoRefusal('not-configured');
      if (provider.issuer !== transaction.issuer) throw new SsoRefusal('missing-state', { startedWith: transaction.issuer });
      const configuration = await this.oidc.configuration(provider).catch((error: unknown) => {
        throw new SsoRefusal('provider-unreachable', { error: describe(error) });
      });

      const claims = await this.exchange(configuration, request, transaction).catch((error: unknown) => {
        throw new SsoRefusal('invalid-response', { error: describe(error) });
      });
      const person = personFromClaims(claims, provider.allowedDomains);
      const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
      if ('refused' in person) throw new SsoRefusal(person.refused, { email, subject: claims.sub });

      const outcome = await this.accounts.signIn(provider, person, hasAdminClaim(claims, provider.adminClaim), clientIp(request));
      if ('refused' in outcome) throw new SsoRefusal(outcome.refused, { email: person.email, subject: person.subject });

      const { user } = outcome;
      const { session, secret } = await this.sessions.issue(user.id, { ip: clientIp(request), userAgent: request.headers['user-agent'] ?? null });
      setSessionCookies(response, this.config, secret, session);
      await this.audit.record({
        actorId: user.id,
        action: 'auth.ssoSignedIn',
        subject: { type: 'user', id: user.id, label: user.email },
        details: { issuer: provider.issuer, created: outcome.created, linked: outcome.linked, promoted: outcome.promoted },
        ip: clientIp(request),
      });
      response.redirect(302, transaction.returnTo);
    } catch (error) {
      await this.refuse(error, request, response);
    }
  }

  /** Code for tokens (the PKCE verifier and the nonce checked), then the ID token's claims merged with userinfo's. */
  private async exchange(configuration: client.Configuration, request: Request, transaction: { state: string; nonce: string; codeVerifier: string; redirectUri: string }): Promise<Claims> {
    // The URL the provider redirected to, rebuilt from the registered redirect URI (behind a proxy
    // the request's own URL may differ from what the provider was told).
    const currentUrl = new URL(transaction.redirectUri);
    currentUrl.search = new URL(request.originalUrl, 'http://localhost').search;
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: transaction.codeVerifier,
      expectedNonce: transaction.nonce,
      expectedState: transaction.state,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims() as Claims | undefined;
    if (!idClaims) throw new Error('no ID token');
    // Providers put email and profile claims in the ID token or only in userinfo (oidc-provider does the latter).
    if (configuration.serverMetadata().userinfo_endpoint && (idClaims.email === undefined || idClaims.email_verified === undefined)) {
      const userinfo = (await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub as string)) as Claims;
      return { ...userinfo, ...idClaims, email: idClaims.email ?? userinfo.email, email_verified: idClaims.email_verified ?? userinfo.email_verified };
    }
    return idClaims;
  }

  private async refuse(error: unknown, request: Request, response: Response): Promise<void> {
    if (!(error instanceof SsoRefusal)) throw error;
    await this.audit.record({
      actorId: null,
      action: 'auth.ssoRefused',
      subject: typeof error.details.email === 'string' ? { type: 'user', label: error.details.email } : undefined,
      details: { reason: error.code, ...error.details },
      ip: clientIp(request),
    });
    response.redirect(302, `/login?sso_error=${encodeURIComponent(error.code)}`);
  }

  /** The callback URL the provider must have registered: PUBLIC_URL's origin, else the one the browser used. */
  private redirectUri(request: Request): string {
    const origin = this.config.PUBLIC_URL ? new URL(this.config.PUBLIC_URL).origin : `${request.protocol}://${request.get('host') ?? 'localhost'}`;
    return `${origin}${SSO_CALLBACK_PATH}`;
  }

  private cookieOptions() {
    const secure = this.config.COOKIE_SECURE ?? this.config.PUBLIC_URL?.startsWith('https://') ?? false;
    // Lax: the provider's redirect back is a top-level GET navigation from another site, which Lax lets through.
    return { httpOnly: true, sameSite: 'lax' as const, secure, path: COOKIE_PATH };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : String(error).slice(0, 500);
}
