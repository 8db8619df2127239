/**
 * Mention emails by preference (off / immediate / daily digest), against a real SMTP server:
 * several mentions at once go out as one email with the comment excerpts and links to the
 * threads; membership is checked when sending; the digest goes at most once a day.
 * The job is driven directly (runOnce) so each run's effect is known when it returns.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerUser, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { addMember, createWorkspace } from './fixtures.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';
import { MentionEmailsService } from '../src/modules/email/mention-emails.service.js';
import { OutboxService } from '../src/modules/email/outbox.service.js';

const mention = (user: TestUser) => `[@${user.displayName}](mention:${user.id})`;

describe('mention emails', () => {
  let app: TestApp;
  let sink: SmtpSink;
  let author: TestUser;
  let workspaceId: string;

  const run = async () => {
    const queued = await app.get(MentionEmailsService).runOnce();
    await app.get(OutboxService).idle();
    return queued;
  };
  const queuedTo = async (email: string) => ((await app.dataSource.query(`SELECT subject FROM email_outbox WHERE to_address = $1 AND kind IN ('mention', 'mentionDigest') ORDER BY created_at`, [email])) as { subject: string }[]).map((row) => row.subject);
  const comment = async (body: string) => {
    const response = await author.client.post(`/workspaces/${workspaceId}/threads`, { anchor: { kind: 'workspace' }, body });
    expect(response.status).toBe(201);
    return response.body.thread.id as string;
  };
  /** A member whose address is confirmed (with email on, joining needs that; email.int-spec tests it). */
  const join = async (user: TestUser) => {
    await app.dataSource.query('UPDATE users SET email_verified_at = now() WHERE id = $1', [user.id]);
    await addMember(author, workspaceId, user, 'commenter');
  };
  const member = async (label: string, mentions: 'off' | 'immediate' | 'daily') => {
    const user = await registerUser(app.baseUrl, label);
    await join(user);
    expect((await user.client.patch('/auth/email-preferences', { mentions })).body).toEqual({ mentions });
    return user;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await createTestApp({ MENTION_EMAIL_BATCH_SECONDS: '0', PUBLIC_URL: 'https://marginalia.example.test' });
    author = await registerUser(app.baseUrl, 'author');
    const setupToken = await app.get(AdminSetupService).issueTokenIfNeeded();
    expect((await author.client.post('/auth/admin-setup', { token: setupToken })).status).toBe(204);
    expect((await author.client.patch('/admin/settings', { smtpUrl: sink.url })).status).toBe(200);
    workspaceId = await createWorkspace(author, 'Archive');
  });
  afterAll(async () => {
    await app.close();
    await sink.close();
  });

  it('defaults to immediate, and sends mentions made together as one email with excerpts and thread links', async () => {
    const reader = await registerUser(app.baseUrl, 'reader');
    await join(reader);
    expect((await reader.client.get('/auth/email-preferences')).body).toEqual({ mentions: 'immediate' });
    const first = await comment(`${mention(reader)} look at the **second** letter`);
    const second = await comment(`${mention(reader)} and the <script>third</script> one`);
    await run();
    const received = await sink.waitFor((email) => email.to.includes(reader.email) && email.subject.includes('mentioned'));
    expect(received.subject).toBe('You were mentioned 2 times on Marginalia');
    expect(received.text).toContain('@Reader Tester look at the second letter');
    expect(received.text).toContain(`https://marginalia.example.test/w/${workspaceId}/discussion?thread=${first}`);
    expect(received.text).toContain(`https://marginalia.example.test/w/${workspaceId}/discussion?thread=${second}`);
    expect(received.html).not.toContain('<script>');
    // Already emailed: the next run sends nothing more for them.
    expect(await run()).toBe(0);
  });

  it('sends nothing to someone who turned mention emails off, or who left the workspace meanwhile', async () => {
    const quiet = await member('quiet', 'off');
    const leaver = await member('leaver', 'immediate');
    await comment(`${mention(quiet)} and ${mention(leaver)}, thoughts?`);
    expect((await leaver.client.post(`/workspaces/${workspaceId}/leave`)).status).toBe(204);
    expect(await run()).toBe(0);
    expect(await queuedTo(quiet.email)).toEqual([]);
    expect(await queuedTo(leaver.email)).toEqual([]);
  });

  it('daily digest: one email covering the mentions so far, then none until a day has passed', async () => {
    const digester = await member('digester', 'daily');
    await comment(`${mention(digester)} first`);
    await comment(`${mention(digester)} second`);
    expect(await run()).toBe(1);
    const digest = await sink.waitFor((email) => email.to.includes(digester.email) && email.subject.includes('mentions'));
    expect(digest.subject).toBe('Your Marginalia mentions of the day (2)');
    await comment(`${mention(digester)} third`);
    expect(await run()).toBe(0);
    await app.dataSource.query(`UPDATE users SET mention_digest_sent_at = now() - interval '25 hours' WHERE id = $1`, [digester.id]);
    expect(await run()).toBe(1);
    expect(await queuedTo(digester.email)).toEqual(['Your Marginalia mentions of the day (2)', 'Your Marginalia mentions of the day (1)']);
  });

  it('refuses an unknown preference', async () => {
    const response = await author.client.patch('/auth/email-preferences', { mentions: 'hourly' });
    expect(response.status).toBe(400);
  });
});
