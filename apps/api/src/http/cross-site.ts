/**
 * Is a request sent by a browser on behalf of another site? Public routes that change state
 * (login, registration) have no session to carry a CSRF token, so they refuse such requests
 * instead: otherwise any page could sign its visitor in as the attacker (login CSRF).
 *
 * Browsers say where a request comes from: Sec-Fetch-Site (every current browser) and Origin
 * (on every cross-origin request, and on same-origin POSTs). Scripts and curl send neither and
 * are not a CSRF vector, so they pass.
 */
import type { AppConfig } from '../config/config.schema.js';

export const CROSS_SITE_REFUSED = 'cross-site requests are refused here: sign in from the app itself';

/** The app's own origin (PUBLIC_URL) and the extra origins the configuration allows. */
export function allowedBrowserOrigins(config: Pick<AppConfig, 'PUBLIC_URL' | 'COLLAB_ALLOWED_ORIGINS'>): Set<string> {
  const origins = new Set<string>();
  if (config.PUBLIC_URL) origins.add(new URL(config.PUBLIC_URL).origin);
  for (const origin of (config.COLLAB_ALLOWED_ORIGINS ?? '').split(',')) if (origin.trim()) origins.add(origin.trim());
  return origins;
}

export interface RequestSource {
  origin?: string;
  host?: string;
  secFetchSite?: string;
}

export function isCrossSite(source: RequestSource, allowed: ReadonlySet<string>): boolean {
  const { origin, host, secFetchSite } = source;
  if (origin !== undefined && allowed.has(origin)) return false;
  const originIsOurs = origin !== undefined && host !== undefined && originHost(origin) === host;
  // same-site is another origin of the same site (a sibling subdomain): not us either.
  if (secFetchSite === 'cross-site' || secFetchSite === 'same-site') return !originIsOurs;
  if (secFetchSite === 'same-origin' || secFetchSite === 'none') return false;
  return origin !== undefined && !originIsOurs;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (sandboxed frames, some redirects) or garbage
  }
}
