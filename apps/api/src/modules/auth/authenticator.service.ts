/**
 * Turns credentials into an AuthContext: the session cookie, or a personal access token as
 * `Authorization: Bearer`. Used by the REST guard and (later) the socket handshake, so both
 * accept exactly the same credentials. A disabled account authenticates nowhere.
 */
import { Injectable } from '@nestjs/common';
import { SESSION_COOKIE } from '@marginalia/shared';
import type { AuthContext } from './auth-context.js';
import { PersonalTokensService } from './personal-tokens.service.js';
import { SessionsService } from './sessions.service.js';

export interface Credentials {
  cookies: Record<string, string | undefined>;
  authorization?: string;
}

@Injectable()
export class Authenticator {
  constructor(
    private readonly sessions: SessionsService,
    private readonly tokens: PersonalTokensService,
  ) {}

  async authenticate(credentials: Credentials): Promise<AuthContext | null> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? '')?.[1];
    if (bearer) {
      const token = await this.tokens.resolve(bearer);
      if (!token || token.user.disabledAt) return null;
      return { user: token.user, via: 'token', tokenId: token.id };
    }
    const cookie = credentials.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await this.sessions.resolve(cookie);
      if (!session || session.user.disabledAt) return null;
      return { user: session.user, via: 'session', sessionId: session.id, csrfToken: session.csrfToken };
    }
    return null;
  }
}
