/**
 * Email against a real SMTP server started here (smtp-server), whose received messages are read
 * with mailparser: invitations arrive and their links work, forgotten passwords are reset once,
 * failed sends are retried (and given up on visibly), the emailed link proves the address, and
 * without SMTP every flow still works through links.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResult, BulkInviteResult, OutboxMessage } from '@marginalia/shared';
import { ApiClient, TEST_PASSWORD, registerUser, uniqueEmail, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createWorkspace, expectApiError } from './fixtures.js';
import { linkIn, startSmtpSink, type SmtpSink } from './smtp-sink.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';
import { OutboxService } from '../src/modules/email/outbox.service.js';

const NEW_PASSWORD = 'a brand new passphrase';

describe('email', () => {
  let app: TestApp;
  let sink: SmtpSink;
  let admin: TestUser;
  let owner: TestUser;
  let workspaceId: string;

  const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
  const outbox = async () => (await admin.client.get<{ configured: boolean; messages: OutboxMessage[] }>('/admin/email/outbox')).body;
  const useSmtp = async (url: string | null) => expect((await admin.client.patch('/admin/settings', { smtpUrl: url, mailFrom: url ? 'Marginalia <noreply@example.test>' : null })).status).toBe(200);

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await createTestApp({ EMAIL_RETRY_BASE_SECONDS: '0.2', EMAIL_MAX_ATTEMPTS: '3', FORGOT_PASSWORD_MAX_PER_IP: '6', MENTION_EMAIL_BATCH_SECONDS: '0' });
    admin = await registerUser(app.baseUrl, 'admin');
    owner = await registerUser(app.baseUrl, 'owner');
    const setupToken = await app.get(AdminSetupService).issueTokenIfNeeded();
    expect((await admin.client.post('/auth/admin-setup', { token: setupToken })).status).toBe(204);
    workspaceId = await createWorkspace(owner, 'Oral histories');
  });
  afterAll(async () => {
    await app.close();
    await sink.close();
  });

  describe('without SMTP', () => {
    it('invites give a link to hand over, nothing is queued, and the invite link works', async () => {
      const email = uniqueEmail('linkonly');
      const added = await owner.client.post(`/workspaces/${workspaceId}/members`, { email, role: 'editor' });
      expect(added.body).toMatchObject({ kind: 'invite', emailed: false });
      const invitee = await new ApiClient(app.baseUrl).post<AuthResult>('/auth/register', { email, password: TEST_PASSWORD, displayName: 'Link Only', inviteToken: added.body.inviteToken });
      expect(invitee.body.user.emailVerifiedAt).toBeNull();
      expect(await outbox()).toEqual({ configured: false, messages: [] });
      expectApiError(await admin.client.post('/admin/email/test'), 409, 'email is not configured on this instance (no SMTP server)');
    });

    it('forgot-password is refused (no mail to send it by); an admin link resets the password once and ends every session', async () => {
      const user = await registerUser(app.baseUrl, 'forgetful');
      expectApiError(await new ApiClient(app.baseUrl).post('/auth/forgot-password', { email: user.email }), 409, 'email is not configured on this instance; ask an administrator for a password reset link');
      const link = await admin.client.post(`/admin/users/${user.id}/password-reset-link`);
      expect(link.status).toBe(201);
      const token = tokenOf(link.body.url as string);
      const browser = new ApiClient(app.baseUrl);
      expect((await browser.get(`/auth/password-reset/${token}`)).body).toMatchObject({ email: user.email });
      expectApiError(await browser.post('/auth/password-reset', { token, password: 'short' }), 400);
      const reset = await browser.post<AuthResult>('/auth/password-reset', { token, password: NEW_PASSWORD });
      expect(reset.status).toBe(200);
      // A handed-over link proves nothing about the mailbox.
      expect(reset.body.user.emailVerifiedAt).toBeNull();
      expect((await browser.get('/auth/me')).status).toBe(200);
      expect((await user.client.get('/auth/me')).status).toBe(401);
      expectApiError(await browser.post('/auth/password-reset', { token, password: NEW_PASSWORD }), 410, 'this password reset link has already been used; ask for a new one');
      expectApiError(await browser.post('/auth/password-reset', { token: 'unknown-token', password: NEW_PASSWORD }), 404, 'this password reset link is not valid; ask for a new one');
      expect((await new ApiClient(app.baseUrl).post('/auth/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(200);
      expectApiError(await new ApiClient(app.baseUrl).post('/auth/login', { email: user.email, password: TEST_PASSWORD }), 401);
      const audited = (await app.dataSource.query(`SELECT action, actor_id FROM instance_audit_entries WHERE subject_id = $1 AND action IN ('user.passwordResetLinkCreated', 'auth.passwordReset') ORDER BY created_at`, [user.id])) as { action: string; actor_id: string }[];
      expect(audited).toEqual([{ action: 'user.passwordResetLinkCreated', actor_id: admin.id }, { action: 'auth.passwordReset', actor_id: user.id }]);
    });

    it('an expired link is refused', async () => {
      const user = await registerUser(app.baseUrl, 'late');
      const token = tokenOf((await admin.client.post(`/admin/users/${user.id}/password-reset-link`)).body.url as string);
      await app.dataSource.query(`UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
      expectApiError(await new ApiClient(app.baseUrl).post('/auth/password-reset', { token, password: NEW_PASSWORD }), 410, 'this password reset link has expired; ask for a new one');
    });
  });

  describe('with SMTP', () => {
    beforeAll(async () => {
      await useSmtp(sink.url);
    });

    it('sends a test email to the admin', async () => {
      expect((await admin.client.post('/admin/email/test')).body).toEqual({ to: admin.email });
      const received = await sink.waitFor((email) => email.to.includes(admin.email) && email.subject === 'Marginalia test email');
      expect(received.from).toBe('noreply@example.test');
    });

    it('emails an invitation whose link (not the one shown to the inviter) registers, proves the address and joins', async () => {
      const email = uniqueEmail('invitee');
      const added = await owner.client.post(`/workspaces/${workspaceId}/members`, { email, role: 'commenter' });
      expect(added.body).toMatchObject({ emailed: true });
      const received = await sink.waitFor((message) => message.to.includes(email));
      expect(received.subject).toBe('Owner Tester invited you to Oral histories on Marginalia');
      expect(received.html).toContain('Oral histories');
      const mailed = linkIn(received, `${app.baseUrl}/invites/`);
      expect(mailed).not.toBe(added.body.inviteUrl);
      const invitee = new ApiClient(app.baseUrl);
      expect((await invitee.get(`/invites/${tokenOf(mailed)}`)).body).toMatchObject({ workspaceName: 'Oral histories', email, role: 'commenter' });
      const registered = await invitee.post<AuthResult>('/auth/register', { email, password: TEST_PASSWORD, displayName: 'Invited', inviteToken: tokenOf(mailed) });
      expect(registered.body.user.emailVerifiedAt).not.toBeNull();
      expect((await invitee.post(`/invites/${tokenOf(mailed)}/accept`)).body).toEqual({ workspaceId });
      expect((await invitee.get(`/workspaces/${workspaceId}`)).status).toBe(200);
    });

    it('escapes what people typed in the HTML', async () => {
      const sneaky = await registerUser(app.baseUrl, 'sneaky');
      await sneaky.client.patch('/auth/me', { displayName: '<img src=x onerror=alert(1)>' });
      const otherSpace = await createWorkspace(sneaky, 'A & <b>B</b>');
      const email = uniqueEmail('escaped');
      await sneaky.client.post(`/workspaces/${otherSpace}/members`, { email, role: 'viewer' });
      const received = await sink.waitFor((message) => message.to.includes(email));
      expect(received.html).not.toContain('<img src=x');
      expect(received.html).not.toContain('<b>B</b>');
      expect(received.html).toContain('A &#38; &#60;b&#62;B&#60;/b&#62;');
    });

    it('registering through the copied link asks to confirm the address by email before joining', async () => {
      const email = uniqueEmail('copied');
      const added = await owner.client.post(`/workspaces/${workspaceId}/members`, { email, role: 'viewer' });
      const invitee = new ApiClient(app.baseUrl);
      const registered = await invitee.post<AuthResult>('/auth/register', { email, password: TEST_PASSWORD, displayName: 'Copied', inviteToken: added.body.inviteToken });
      expect(registered.body.user.emailVerifiedAt).toBeNull();
      expectApiError(await invitee.post(`/invites/${added.body.inviteToken as string}/accept`), 403, `confirm your email address first: we sent a link to ${email}; opening it accepts the invite`);
      expect((await invitee.get(`/workspaces/${workspaceId}`)).status).toBe(404);
      const confirmation = await sink.waitFor((message) => message.to.includes(email) && message.subject === 'Confirm your email address for Marginalia');
      const token = tokenOf(linkIn(confirmation, `${app.baseUrl}/verify-email/`));
      expect((await new ApiClient(app.baseUrl).post('/auth/verify-email', { token })).body).toEqual({ workspaceId });
      expect((await invitee.get(`/workspaces/${workspaceId}`)).status).toBe(200);
      expect((await invitee.get('/auth/me')).body.emailVerifiedAt).not.toBeNull();
      expectApiError(await new ApiClient(app.baseUrl).post('/auth/verify-email', { token }), 410, 'this confirmation link has already been used');
    });

    it('bulk invite: invites each valid line (emailed) and reports every skipped one with its reason', async () => {
      const [ada, bob] = [uniqueEmail('ada'), uniqueEmail('bob')];
      const response = await owner.client.post<BulkInviteResult>(`/workspaces/${workspaceId}/invites/bulk`, {
        text: `${ada} editor\n${bob}\nnot-an-email\n${owner.email}\n${ada}\ncarol@example.test boss`,
        role: 'viewer',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ invited: 2, skipped: 4, emailed: true });
      expect(response.body.lines.map((line) => [line.email, line.role, line.status, line.reason])).toEqual([
        [ada, 'editor', 'invited', null],
        [bob, 'viewer', 'invited', null],
        [null, null, 'skipped', 'not a valid email address'],
        [owner.email, 'viewer', 'skipped', 'already a member of this workspace'],
        [ada, 'viewer', 'skipped', 'listed twice; the first one counts'],
        ['carol@example.test', null, 'skipped', 'unknown role "boss" (one of owner, admin, editor, commenter, viewer)'],
      ]);
      await sink.waitFor((message) => message.to.includes(ada));
      await sink.waitFor((message) => message.to.includes(bob));
      const pending = (await owner.client.get(`/workspaces/${workspaceId}/invites`)).body.invites as { email: string; role: string }[];
      expect(pending.filter((invite) => [ada, bob].includes(invite.email)).map((invite) => [invite.email, invite.role]).sort()).toEqual([[ada, 'editor'], [bob, 'viewer']].sort());
      expectApiError(await owner.client.post(`/workspaces/${workspaceId}/invites/bulk`, { text: Array.from({ length: 201 }, (_, index) => `p${index}@example.test`).join('\n'), role: 'viewer' }), 400, 'at most 200 people per bulk invite; this list has 201');
      expectApiError(await owner.client.post(`/workspaces/${workspaceId}/invites/bulk`, { text: ' \n ', role: 'viewer' }), 400, 'the list is empty: paste one email per line');
    });

    it('resending an invite kills the old links and emails a new one; revoking kills it', async () => {
      const email = uniqueEmail('resend');
      const added = await owner.client.post(`/workspaces/${workspaceId}/members`, { email, role: 'viewer' });
      const first = await sink.waitFor((message) => message.to.includes(email));
      const resent = await owner.client.post(`/workspaces/${workspaceId}/invites/${added.body.invite.id as string}/resend`);
      expect(resent.body).toMatchObject({ emailed: true, invite: { id: added.body.invite.id } });
      const second = await sink.waitFor((message) => message.to.includes(email) && message !== first);
      const anyone = new ApiClient(app.baseUrl);
      expectApiError(await anyone.get(`/invites/${added.body.inviteToken as string}`), 404, 'invite not found');
      expectApiError(await anyone.get(`/invites/${tokenOf(linkIn(first, `${app.baseUrl}/invites/`))}`), 404, 'invite not found');
      expect((await anyone.get(`/invites/${tokenOf(linkIn(second, `${app.baseUrl}/invites/`))}`)).status).toBe(200);
      expect((await anyone.get(`/invites/${tokenOf(resent.body.inviteUrl as string)}`)).status).toBe(200);
      expect((await owner.client.delete(`/workspaces/${workspaceId}/invites/${added.body.invite.id as string}`)).status).toBe(204);
      expectApiError(await anyone.get(`/invites/${tokenOf(linkIn(second, `${app.baseUrl}/invites/`))}`), 410, 'this invite has been revoked; ask for a new one');
      expectApiError(await owner.client.post(`/workspaces/${workspaceId}/invites/${added.body.invite.id as string}/resend`), 404, 'invite not found');
    });

    it('forgot password: same answer for any address, the emailed link works once and proves the address', async () => {
      const user = await registerUser(app.baseUrl, 'forgot');
      const stranger = new ApiClient(app.baseUrl);
      const unknown = await stranger.post('/auth/forgot-password', { email: uniqueEmail('nobody') });
      const known = await stranger.post('/auth/forgot-password', { email: user.email });
      expect([unknown.status, unknown.body, known.status, known.body]).toEqual([202, undefined, 202, undefined]);
      const received = await sink.waitFor((message) => message.to.includes(user.email) && message.subject === 'Reset your Marginalia password');
      const token = tokenOf(linkIn(received, `${app.baseUrl}/reset-password/`));
      const reset = await stranger.post<AuthResult>('/auth/password-reset', { token, password: NEW_PASSWORD });
      expect(reset.status).toBe(200);
      expect(reset.body.user.emailVerifiedAt).not.toBeNull();
      expect((await user.client.get('/auth/me')).status).toBe(401);
      expectApiError(await stranger.post('/auth/password-reset', { token, password: 'another new passphrase' }), 410, 'this password reset link has already been used; ask for a new one');
      expect((await new ApiClient(app.baseUrl).post('/auth/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(200);
    });

    it('forgot password is throttled per account (quietly) and per IP (429)', async () => {
      const user = await registerUser(app.baseUrl, 'flooded');
      const client = new ApiClient(app.baseUrl);
      for (let index = 0; index < 4; index += 1) expect((await client.post('/auth/forgot-password', { email: user.email })).status).toBe(202);
      const [{ n }] = (await app.dataSource.query('SELECT count(*)::int AS n FROM password_reset_tokens WHERE user_id = $1', [user.id])) as [{ n: number }];
      expect(n).toBe(3);
      // This IP has now asked 2 + 4 = 6 times within the hour (FORGOT_PASSWORD_MAX_PER_IP=6).
      expectApiError(await client.post('/auth/forgot-password', { email: user.email }), 429, 'too many password reset requests from this address; try again in an hour');
    });

    it('retries a message the server refuses, with the attempts and last error visible to admins', async () => {
      const email = uniqueEmail('retried');
      sink.refuseNext(2, email);
      expect((await admin.client.post('/admin/invitations', { email })).body).toMatchObject({ emailed: true });
      await sink.waitFor((message) => message.to.includes(email));
      await app.get(OutboxService).idle();
      const sent = (await outbox()).messages.find((message) => message.to === email);
      expect(sent).toMatchObject({ kind: 'instanceInvite', status: 'sent', attempts: 3, lastError: null });
    });

    it('gives up after EMAIL_MAX_ATTEMPTS, shows the failure, and an admin can retry it', async () => {
      const refusedBefore = sink.refusedCount();
      const email = uniqueEmail('failed');
      sink.refuseNext(3, email);
      await admin.client.post('/admin/invitations', { email });
      let failed: OutboxMessage | undefined;
      while (!failed) {
        await app.get(OutboxService).idle();
        failed = (await outbox()).messages.find((message) => message.to === email && message.status === 'failed');
        if (!failed) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(sink.refusedCount() - refusedBefore).toBe(3);
      expect(failed).toMatchObject({ attempts: 3, nextAttemptAt: null });
      expect(failed.lastError).toMatch(/451/);
      expect((await admin.client.post(`/admin/email/outbox/${failed.id}/retry`)).status).toBe(204);
      await sink.waitFor((message) => message.to.includes(email));
    });

    it('instance invitations: invite-only registration accepts the emailed link once, and revoked ones are refused', async () => {
      await admin.client.patch('/admin/settings', { registration: 'invite-only' });
      try {
        const email = uniqueEmail('newcomer');
        const created = await admin.client.post('/admin/invitations', { email });
        expect(created.body).toMatchObject({ emailed: true, invite: { email } });
        expect((await admin.client.get('/admin/invitations')).body.invites.map((invite: { email: string }) => invite.email)).toContain(email);
        const received = await sink.waitFor((message) => message.to.includes(email));
        const link = new URL(linkIn(received, `${app.baseUrl}/register?`));
        const token = link.searchParams.get('invite')!;
        expect(link.searchParams.get('email')).toBe(email);
        expect((await new ApiClient(app.baseUrl).get(`/instance-invitations/${token}`)).body).toMatchObject({ email });
        expectApiError(await new ApiClient(app.baseUrl).post('/auth/register', { email: uniqueEmail('other'), password: TEST_PASSWORD, displayName: 'Other', inviteToken: token }), 403);
        const registered = await new ApiClient(app.baseUrl).post<AuthResult>('/auth/register', { email, password: TEST_PASSWORD, displayName: 'Newcomer', inviteToken: token });
        expect(registered.status).toBe(201);
        expect(registered.body.user.emailVerifiedAt).not.toBeNull();
        expectApiError(await new ApiClient(app.baseUrl).get(`/instance-invitations/${token}`), 404);
        expectApiError(await admin.client.post('/admin/invitations', { email }), 409, `${email} already has an account on this instance`);

        const revokedEmail = uniqueEmail('revoked');
        const revoked = await admin.client.post('/admin/invitations', { email: revokedEmail });
        expect((await admin.client.delete(`/admin/invitations/${revoked.body.invite.id as string}`)).status).toBe(204);
        expectApiError(await new ApiClient(app.baseUrl).post('/auth/register', { email: revokedEmail, password: TEST_PASSWORD, displayName: 'Revoked', inviteToken: tokenOf(revoked.body.inviteUrl as string).split('invite=')[1] }), 403);
      } finally {
        await admin.client.patch('/admin/settings', { registration: 'open' });
      }
    });
  });
});
