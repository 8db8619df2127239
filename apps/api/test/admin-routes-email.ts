/**
 * The instance admin routes of the email module, as rows for the admin access tests (anonymous
 * 401, non-admin 403, admin success). `:userId` is a registered non-admin user; `:inviteId` and
 * `:messageId` are made by `prepareEmailAdminRoute` before each row runs.
 */
export interface AdminRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  success: number;
  body?: unknown;
}

export const EMAIL_ADMIN_ROUTES: readonly AdminRoute[] = [
  // 409 for the admin: no SMTP server is configured in the access test (the email test covers sending).
  { method: 'POST', path: '/admin/email/test', success: 409 },
  { method: 'GET', path: '/admin/email/outbox', success: 200 },
  { method: 'POST', path: '/admin/email/outbox/:messageId/retry', success: 204 },
  { method: 'POST', path: '/admin/users/:userId/password-reset-link', success: 201 },
  { method: 'GET', path: '/admin/invitations', success: 200 },
  { method: 'POST', path: '/admin/invitations', success: 201, body: { email: 'someone-new@example.test' } },
  { method: 'DELETE', path: '/admin/invitations/:inviteId', success: 204 },
];
