/** The session and CSRF cookies, set and cleared in one place. */
import { CSRF_COOKIE, SESSION_COOKIE } from '@marginalia/shared';
import type { CookieOptions, Response } from 'express';
import type { AppConfig } from '../../config/config.schema.js';

function baseOptions(config: AppConfig): CookieOptions {
  const secure = config.COOKIE_SECURE ?? config.PUBLIC_URL?.startsWith('https://') ?? false;
  return { sameSite: 'lax', secure, path: '/' };
}

/** The cookies last as long as the session may (its absolute expiry). */
export function setSessionCookies(response: Response, config: AppConfig, secret: string, session: { csrfToken: string; expiresAt: Date }): void {
  const maxAge = Math.max(0, session.expiresAt.getTime() - Date.now());
  const csrfToken = session.csrfToken;
  response.cookie(SESSION_COOKIE, secret, { ...baseOptions(config), httpOnly: true, maxAge });
  response.cookie(CSRF_COOKIE, csrfToken, { ...baseOptions(config), httpOnly: false, maxAge });
}

export function clearSessionCookies(response: Response, config: AppConfig): void {
  response.clearCookie(SESSION_COOKIE, { ...baseOptions(config), httpOnly: true });
  response.clearCookie(CSRF_COOKIE, { ...baseOptions(config), httpOnly: false });
}
