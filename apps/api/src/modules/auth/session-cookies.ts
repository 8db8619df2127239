/** The session and CSRF cookies, set and cleared in one place. */
import { CSRF_COOKIE, SESSION_COOKIE } from '@marginalia/shared';
import type { CookieOptions, Response } from 'express';
import type { AppConfig } from '../../config/config.schema.js';

function baseOptions(config: AppConfig): CookieOptions {
  const secure = config.COOKIE_SECURE ?? config.PUBLIC_URL?.startsWith('https://') ?? false;
  return { sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookies(response: Response, config: AppConfig, secret: string, csrfToken: string): void {
  const maxAge = config.SESSION_ABSOLUTE_TIMEOUT_HOURS * 3_600_000;
  response.cookie(SESSION_COOKIE, secret, { ...baseOptions(config), httpOnly: true, maxAge });
  response.cookie(CSRF_COOKIE, csrfToken, { ...baseOptions(config), httpOnly: false, maxAge });
}

export function clearSessionCookies(response: Response, config: AppConfig): void {
  response.clearCookie(SESSION_COOKIE, { ...baseOptions(config), httpOnly: true });
  response.clearCookie(CSRF_COOKIE, { ...baseOptions(config), httpOnly: false });
}
