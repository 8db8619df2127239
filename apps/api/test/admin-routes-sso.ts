/**
 * Instance admin routes added by single sign-on and backups, for the instance admin access tests
 * (joined with admin-routes.ts at merge). None: the provider is configured through the instance
 * settings (PATCH /api/admin/settings, already in admin-routes.ts), the sign-in routes
 * (GET /api/auth/oidc/start and /callback) are public by nature and tested in sso.int-spec.ts,
 * and backups run from the command line (`pnpm backup` / `pnpm restore`), not over HTTP.
 */
export interface AdminRouteRow {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  success: number;
  body?: unknown;
}

export const SSO_ADMIN_ROUTES: readonly AdminRouteRow[] = [];
