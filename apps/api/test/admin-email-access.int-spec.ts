/**
 * Every instance admin route of the email module (admin-routes-email.ts): anonymous callers get
 * 401, signed-in non-admins 403 (and nothing changes), instance admins the route's success.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, registerUser, uniqueEmail, type TestUser } from './api-client.js';
import { EMAIL_ADMIN_ROUTES, type AdminRoute } from './admin-routes-email.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';

describe('email admin routes by caller', () => {
  let app: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await registerUser(app.baseUrl, 'admin');
    member = await registerUser(app.baseUrl, 'member');
    const setupToken = await app.get(AdminSetupService).issueTokenIfNeeded();
    expect((await admin.client.post('/auth/admin-setup', { token: setupToken })).status).toBe(204);
  });
  afterAll(async () => {
    await app.close();
  });

  /** Fresh ids for the route's parameters: a pending instance invitation and a failed outbox message. */
  async function pathOf(route: AdminRoute): Promise<string> {
    const invite = await admin.client.post('/admin/invitations', { email: uniqueEmail('invited') });
    expect(invite.status).toBe(201);
    const [message] = (await app.dataSource.query(
      `INSERT INTO email_outbox (kind, to_address, subject, text_body, html_body, status, attempts, last_error) VALUES ('test', 'x@example.test', 'x', 'x', 'x', 'failed', 8, 'refused') RETURNING id`,
    )) as { id: string }[];
    return route.path.replace(':userId', member.id).replace(':inviteId', invite.body.invite.id as string).replace(':messageId', message!.id);
  }

  it.each(EMAIL_ADMIN_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', async (_name, route) => {
    const path = await pathOf(route);
    const anonymous = await new ApiClient(app.baseUrl).request(route.method, path, route.body);
    expect(anonymous.status).toBe(401);
    const refused = await member.client.request(route.method, path, route.body);
    expect({ status: refused.status, message: refused.body.message }).toEqual({ status: 403, message: 'this needs an instance administrator' });
    const allowed = await admin.client.request(route.method, path, route.body);
    expect({ status: allowed.status, body: allowed.body }).toMatchObject({ status: route.success });
  });
});
