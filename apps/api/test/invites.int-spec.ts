/**
 * Invite links for people without an account: created by adding an unknown email, previewed
 * without signing in, accepted only by the account with the invited email, and dead once
 * used, revoked, replaced or expired.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, registerUser, uniqueEmail } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { auditCount, createCastWorkspace, createInvite, expectApiError, registerCast, roleIn, sha256, workspaceSnapshot, type Cast } from './fixtures.js';

const REVOKED = 'this invite has been revoked; ask for a new one';
const USED = 'this invite has already been used';
const EXPIRED = 'this invite has expired; ask for a new one';

describe('invites', () => {
  let app: TestApp;
  let cast: Cast;
  let anonymous: ApiClient;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl);
    anonymous = new ApiClient(app.baseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  async function pendingInviteIds(workspaceId: string): Promise<string[]> {
    const response = await cast.admin.client.get(`/workspaces/${workspaceId}/invites`);
    expect(response.status).toBe(200);
    return response.body.invites.map((invite: { id: string }) => invite.id);
  }

  it('invites an unknown email with a link whose token is stored only as a hash', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const email = uniqueEmail('Invitee');
    const response = await cast.admin.client.post(`/workspaces/${workspaceId}/members`, { email, role: 'commenter' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'invite',
      invite: { email: email.toLowerCase(), role: 'commenter', invitedBy: { id: cast.admin.id, displayName: cast.admin.displayName } },
    });
    const { inviteToken, inviteUrl } = response.body as { inviteToken: string; inviteUrl: string };
    expect(inviteUrl).toBe(`${app.baseUrl}/invites/${inviteToken}`);
    expect(inviteToken.length).toBeGreaterThanOrEqual(40);

    const rows = (await app.dataSource.query('SELECT token_hash, row_to_json(invites)::text AS row FROM invites WHERE id = $1', [response.body.invite.id])) as { token_hash: string; row: string }[];
    expect(rows[0]?.token_hash).toBe(sha256(inviteToken));
    expect(rows[0]?.row).not.toContain(inviteToken);
    // Nobody can read the link back later, not even the admins.
    const list = await cast.owner.client.get(`/workspaces/${workspaceId}/invites`);
    expect(list.body.invites).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(inviteToken);
  });

  it("builds the link on the inviter's origin", async () => {
    const workspaceId = await createCastWorkspace(cast);
    const response = await cast.owner.client.post(`/workspaces/${workspaceId}/members`, { email: uniqueEmail(), role: 'viewer' }, { headers: { origin: 'https://marginalia.example.org' } });
    expect(response.body.inviteUrl).toBe(`https://marginalia.example.org/invites/${response.body.inviteToken}`);
  });

  it('shows a preview to anyone holding the link, without signing in', async () => {
    const workspaceId = await createCastWorkspace(cast, 'Oral histories');
    const invite = await createInvite(cast.owner, workspaceId, 'editor');
    const preview = await anonymous.get(`/invites/${invite.token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ workspaceName: 'Oral histories', email: invite.email, role: 'editor', invitedBy: cast.owner.displayName, expiresAt: expect.any(String) });
    // Short-lived by default (INVITE_TTL_HOURS=48): whoever holds the link gets in.
    expect(new Date(preview.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 47 * 3_600_000);
    expect(new Date(preview.body.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 48 * 3_600_000);
    expectApiError(await anonymous.get(`/invites/${invite.token}x`), 404, 'invite not found');
    expectApiError(await anonymous.get(`/invites/${'a'.repeat(5000)}`), 404, 'invite not found');
  });

  it('makes the invitee a member with the invited role once they register and accept', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const invite = await createInvite(cast.owner, workspaceId, 'editor');
    const invitee = await registerUser(app.baseUrl, 'invitee', invite.email);
    expectApiError(await anonymous.post(`/invites/${invite.token}/accept`), 401);

    const accepted = await invitee.client.post(`/invites/${invite.token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ workspaceId });
    expect(await roleIn(app.dataSource, workspaceId, invitee.id)).toBe('editor');
    expect((await invitee.client.get(`/workspaces/${workspaceId}`)).body.myRole).toBe('editor');
    expect(await pendingInviteIds(workspaceId)).toEqual([]);
    expectApiError(await anonymous.get(`/invites/${invite.token}`), 410, USED);
  });

  it('lets the invitee accept twice without harm', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const invite = await createInvite(cast.owner, workspaceId, 'viewer');
    const invitee = await registerUser(app.baseUrl, 'twice', invite.email);
    expect((await invitee.client.post(`/invites/${invite.token}/accept`)).status).toBe(200);
    const before = await workspaceSnapshot(app.dataSource, workspaceId);
    const again = await invitee.client.post(`/invites/${invite.token}/accept`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ workspaceId });
    expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
  });

  it('refuses an account with another email, and the link keeps working for the right person', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const invite = await createInvite(cast.owner, workspaceId, 'admin');
    const before = await workspaceSnapshot(app.dataSource, workspaceId);
    const response = await cast.outsider.client.post(`/invites/${invite.token}/accept`);
    expectApiError(response, 403, `this invite is for ${invite.email}; you are signed in as ${cast.outsider.email}`);
    expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
    expectApiError(await cast.outsider.client.get(`/workspaces/${workspaceId}`), 404);

    const invitee = await registerUser(app.baseUrl, 'rightful', invite.email);
    expect((await invitee.client.post(`/invites/${invite.token}/accept`)).status).toBe(200);
    expect(await roleIn(app.dataSource, workspaceId, invitee.id)).toBe('admin');
  });

  it('replaces the first link when the same email is invited again, account or not', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const invite = await createInvite(cast.owner, workspaceId, 'admin');
    const invitee = await registerUser(app.baseUrl, 'early', invite.email);
    const again = await cast.owner.client.post(`/workspaces/${workspaceId}/members`, { email: invite.email, role: 'viewer' });
    expectApiError(await invitee.client.post(`/invites/${invite.token}/accept`), 410, 'this invite has been revoked; ask for a new one');
    expect((await invitee.client.post(`/invitations/${again.body.invite.id as string}/accept`)).status).toBe(200);
    expect(await roleIn(app.dataSource, workspaceId, invitee.id)).toBe('viewer');
    expect(await pendingInviteIds(workspaceId)).toEqual([]);
  });

  it('kills a revoked link for preview and acceptance', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const invite = await createInvite(cast.owner, workspaceId);
    const invitee = await registerUser(app.baseUrl, 'revoked', invite.email);
    expect((await cast.admin.client.delete(`/workspaces/${workspaceId}/invites/${invite.id}`)).status).toBe(204);

    expectApiError(await anonymous.get(`/invites/${invite.token}`), 410, REVOKED);
    expectApiError(await invitee.client.post(`/invites/${invite.token}/accept`), 410, REVOKED);
    expect(await roleIn(app.dataSource, workspaceId, invitee.id)).toBeNull();
    expect(await pendingInviteIds(workspaceId)).toEqual([]);
    expectApiError(await cast.admin.client.delete(`/workspaces/${workspaceId}/invites/${invite.id}`), 404, 'invite not found');
  });

  it('kills an expired link for preview and acceptance', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const invite = await createInvite(cast.owner, workspaceId);
    const invitee = await registerUser(app.baseUrl, 'late', invite.email);
    await app.dataSource.query(`UPDATE invites SET expires_at = now() - interval '1 minute' WHERE id = $1`, [invite.id]);

    expectApiError(await anonymous.get(`/invites/${invite.token}`), 410, EXPIRED);
    const before = await workspaceSnapshot(app.dataSource, workspaceId);
    expectApiError(await invitee.client.post(`/invites/${invite.token}/accept`), 410, EXPIRED);
    expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
    expect(await pendingInviteIds(workspaceId)).toEqual([]);
  });

  it('replaces the previous link when the same email is invited again', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const first = await createInvite(cast.owner, workspaceId, 'viewer');
    const second = await createInvite(cast.owner, workspaceId, 'editor', first.email);

    expectApiError(await anonymous.get(`/invites/${first.token}`), 410, REVOKED);
    expect((await anonymous.get(`/invites/${second.token}`)).body.role).toBe('editor');
    expect(await pendingInviteIds(workspaceId)).toEqual([second.id]);
  });

  it('leaves one live link when the same email is invited several times at once', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const email = uniqueEmail('burst');
    const responses = await Promise.all(Array.from({ length: 6 }, () => cast.owner.client.post(`/workspaces/${workspaceId}/members`, { email, role: 'viewer' })));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const live = [];
    for (const response of responses) {
      if ((await anonymous.get(`/invites/${response.body.inviteToken}`)).status === 200) live.push(response.body.invite.id);
    }
    expect(live).toHaveLength(1);
    expect(await pendingInviteIds(workspaceId)).toEqual(live);
  });

  it('lists only pending invites, newest first', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const accepted = await createInvite(cast.owner, workspaceId);
    const revoked = await createInvite(cast.owner, workspaceId);
    const expired = await createInvite(cast.owner, workspaceId);
    const older = await createInvite(cast.owner, workspaceId);
    const newer = await createInvite(cast.admin, workspaceId, 'commenter');
    const invitee = await registerUser(app.baseUrl, 'accepter', accepted.email);
    await invitee.client.post(`/invites/${accepted.token}/accept`);
    await cast.owner.client.delete(`/workspaces/${workspaceId}/invites/${revoked.id}`);
    await app.dataSource.query(`UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);

    const list = await cast.admin.client.get(`/workspaces/${workspaceId}/invites`);
    expect(list.body.invites).toEqual([
      { id: newer.id, email: newer.email, role: 'commenter', invitedBy: { id: cast.admin.id, displayName: cast.admin.displayName }, createdAt: expect.any(String), expiresAt: expect.any(String) },
      expect.objectContaining({ id: older.id, email: older.email, role: 'viewer' }),
    ]);
  });

  it('lets an owner invite a future owner', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const invite = await createInvite(cast.owner, workspaceId, 'owner');
    const invitee = await registerUser(app.baseUrl, 'co-owner', invite.email);
    const auditBefore = await auditCount(app.dataSource, workspaceId);
    await invitee.client.post(`/invites/${invite.token}/accept`);
    expect(await roleIn(app.dataSource, workspaceId, invitee.id)).toBe('owner');
    expect(await auditCount(app.dataSource, workspaceId)).toBe(auditBefore + 1);
    // With two owners, the original one may now leave.
    expect((await cast.owner.client.post(`/workspaces/${workspaceId}/leave`)).status).toBe(204);
  });
});
