/**
 * The workspace audit log: every membership, role and settings change leaves exactly one
 * entry naming who did it and what changed; refused changes leave none. Newest first, paged
 * with `before`, readable by admins and owners only.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerUser, uniqueEmail, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { auditCount, createCastWorkspace, createInvite, createWorkspace, expectApiError, registerCast, type Cast } from './fixtures.js';

interface ExpectedEntry {
  action: string;
  actor: TestUser;
  details: Record<string, unknown>;
}

describe('workspace audit log', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  async function readAll(reader: TestUser, workspaceId: string): Promise<any[]> {
    const response = await reader.client.get(`/workspaces/${workspaceId}/audit?limit=200`);
    expect(response.status).toBe(200);
    return response.body.entries;
  }

  it('records each change once, with its actor and details, newest first', async () => {
    const { owner, admin, editor, viewer } = cast;
    const expected: ExpectedEntry[] = [];
    /** Performs a change that must answer `status` and leave exactly the entry described. */
    async function change(status: number, request: Promise<{ status: number; body: any }>, entry: (body: any) => ExpectedEntry): Promise<any> {
      const response = await request;
      expect({ status: response.status, body: response.body }).toMatchObject({ status });
      expected.unshift(entry(response.body));
      return response.body;
    }

    const created = await change(201, owner.client.post('/workspaces', { name: 'Audit trail' }), () => ({ action: 'workspace.created', actor: owner, details: { name: 'Audit trail' } }));
    const w = `/workspaces/${created.id}`;
    await change(200, owner.client.patch(w, { name: 'Audited', description: 'Who did what' }), () => ({
      action: 'workspace.updated',
      actor: owner,
      details: { name: { from: 'Audit trail', to: 'Audited' }, description: { from: '', to: 'Who did what' } },
    }));
    for (const [user, role] of [[admin, 'admin'], [editor, 'editor'], [viewer, 'viewer']] as const) {
      // Adding an account is an invitation it accepts.
      const invitation = await change(201, owner.client.post(`${w}/members`, { email: user.email, role }), (body) => ({ action: 'invite.created', actor: owner, details: { inviteId: body.invite.id, email: user.email, role } }));
      await change(200, user.client.post(`/invitations/${invitation.invite.id}/accept`), () => ({ action: 'invite.accepted', actor: user, details: { inviteId: invitation.invite.id, role } }));
    }
    const revokedEmail = uniqueEmail('revoked');
    const revoked = await change(201, admin.client.post(`${w}/members`, { email: revokedEmail, role: 'viewer' }), (body) => ({
      action: 'invite.created',
      actor: admin,
      details: { inviteId: body.invite.id, email: revokedEmail, role: 'viewer' },
    }));
    await change(204, admin.client.delete(`${w}/invites/${revoked.invite.id}`), () => ({ action: 'invite.revoked', actor: admin, details: { inviteId: revoked.invite.id, email: revokedEmail } }));
    const inviteeEmail = uniqueEmail('invitee');
    const invited = await change(201, owner.client.post(`${w}/members`, { email: inviteeEmail, role: 'commenter' }), (body) => ({
      action: 'invite.created',
      actor: owner,
      details: { inviteId: body.invite.id, email: inviteeEmail, role: 'commenter' },
    }));
    const invitee = await registerUser(app.baseUrl, 'invitee', inviteeEmail);
    await change(200, invitee.client.post(`/invites/${invited.inviteToken}/accept`), () => ({ action: 'invite.accepted', actor: invitee, details: { inviteId: invited.invite.id, role: 'commenter' } }));
    await change(200, admin.client.patch(`${w}/members/${editor.id}`, { role: 'commenter' }), () => ({ action: 'member.roleChanged', actor: admin, details: { userId: editor.id, email: editor.email, displayName: editor.displayName, from: 'editor', to: 'commenter' } }));
    await change(204, admin.client.delete(`${w}/members/${viewer.id}`), () => ({ action: 'member.removed', actor: admin, details: { userId: viewer.id, email: viewer.email, displayName: viewer.displayName, role: 'viewer' } }));
    await change(204, editor.client.post(`${w}/leave`), () => ({ action: 'member.left', actor: editor, details: { userId: editor.id, email: editor.email, displayName: editor.displayName, role: 'commenter' } }));
    await change(200, owner.client.post(`${w}/archive`), () => ({ action: 'workspace.archived', actor: owner, details: {} }));
    await change(200, owner.client.post(`${w}/unarchive`), () => ({ action: 'workspace.unarchived', actor: owner, details: {} }));
    await change(200, owner.client.post(`${w}/transfer-ownership`, { userId: admin.id }), () => ({
      action: 'workspace.ownershipTransferred',
      actor: owner,
      details: { from: owner.id, to: admin.id, previousRoleOfNewOwner: 'admin' },
    }));

    const entries = await readAll(admin, created.id);
    expect(entries.map((entry) => ({ action: entry.action, actor: entry.actor, details: entry.details }))).toEqual(
      expected.map((entry) => ({ action: entry.action, actor: { id: entry.actor.id, displayName: entry.actor.displayName }, details: entry.details })),
    );
    const times = entries.map((entry) => Date.parse(entry.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it.each([
    { attempt: 'a refused last-owner demotion', call: (c: Cast, w: string) => c.owner.client.patch(`/workspaces/${w}/members/${c.owner.id}`, { role: 'viewer' }), status: 409 },
    { attempt: "an admin's refused change to an owner", call: (c: Cast, w: string) => c.admin.client.delete(`/workspaces/${w}/members/${c.owner.id}`), status: 403 },
    { attempt: 'a duplicate addition', call: (c: Cast, w: string) => c.owner.client.post(`/workspaces/${w}/members`, { email: c.editor.email, role: 'viewer' }), status: 409 },
    { attempt: 'an invalid rename', call: (c: Cast, w: string) => c.owner.client.patch(`/workspaces/${w}`, { name: '   ' }), status: 400 },
    { attempt: 'a rename by an editor', call: (c: Cast, w: string) => c.editor.client.patch(`/workspaces/${w}`, { name: 'Mine' }), status: 403 },
    { attempt: 'a rename to the same name', call: (c: Cast, w: string) => c.owner.client.patch(`/workspaces/${w}`, { name: 'Interviews' }), status: 200 },
    { attempt: 'setting a role a member already has', call: (c: Cast, w: string) => c.owner.client.patch(`/workspaces/${w}/members/${c.viewer.id}`, { role: 'viewer' }), status: 200 },
    { attempt: 'unarchiving a workspace that is not archived', call: (c: Cast, w: string) => c.owner.client.post(`/workspaces/${w}/unarchive`), status: 200 },
  ])('writes no entry for $attempt', async ({ call, status }) => {
    const workspaceId = await createCastWorkspace(cast);
    const before = await readAll(cast.owner, workspaceId);
    const response = await call(cast, workspaceId);
    if (status >= 400) expectApiError(response, status);
    else expect(response.status).toBe(status);
    expect(await readAll(cast.owner, workspaceId)).toEqual(before);
  });

  it('pages newest first with `before`, every entry exactly once', async () => {
    const workspaceId = await createCastWorkspace(cast);
    for (let index = 0; index < 4; index += 1) await createInvite(cast.admin, workspaceId);
    const all = await readAll(cast.owner, workspaceId);
    // Created, 4 members invited and accepting, 4 invites.
    expect(all).toHaveLength(13);

    const pages: any[][] = [];
    let query = 'limit=4';
    for (;;) {
      const response = await cast.admin.client.get(`/workspaces/${workspaceId}/audit?${query}`);
      expect(response.status).toBe(200);
      if (response.body.entries.length === 0) break;
      pages.push(response.body.entries);
      query = `limit=4&before=${encodeURIComponent(response.body.entries.at(-1).createdAt)}`;
    }
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 1]);
    expect(pages.flat()).toEqual(all);
  });

  it('pages without losing entries that fall in the same millisecond', async () => {
    const workspaceId = await createWorkspace(cast.owner, 'Busy workspace');
    // Two changes whose transactions started within one millisecond of each other.
    for (const time of ['2001-02-03T04:05:06.789100Z', '2001-02-03T04:05:06.789900Z']) {
      await app.dataSource.query(`INSERT INTO audit_entries (workspace_id, actor_id, action, details, created_at) VALUES ($1, $2, 'workspace.updated', '{}', $3)`, [workspaceId, cast.owner.id, time]);
    }
    const all = await readAll(cast.owner, workspaceId);
    expect(all).toHaveLength(3);
    const seen: string[] = [];
    let query = 'limit=1';
    for (let page = 0; page < 5; page += 1) {
      const response = await cast.owner.client.get(`/workspaces/${workspaceId}/audit?${query}`);
      if (response.body.entries.length === 0) break;
      seen.push(response.body.entries[0].id);
      query = `limit=1&before=${encodeURIComponent(response.body.entries[0].createdAt)}`;
    }
    expect(seen).toEqual(all.map((entry) => entry.id));
  });

  it.each([
    { query: 'limit=0', issue: 'limit' },
    { query: 'limit=201', issue: 'limit' },
    { query: 'limit=ten', issue: 'limit' },
    { query: 'before=yesterday', issue: 'before' },
    { query: 'after=2020-01-01T00:00:00Z', issue: '' },
  ])('refuses a malformed query ($query) with 400', async ({ query, issue }) => {
    const workspaceId = await createWorkspace(cast.owner);
    const response = await cast.owner.client.get(`/workspaces/${workspaceId}/audit?${query}`);
    expectApiError(response, 400, /^invalid query: /);
    expect(response.body.issues.map((entry: { path: string }) => entry.path)).toEqual([issue]);
  });

  it.each([
    { role: 'owner', status: 200 },
    { role: 'admin', status: 200 },
    { role: 'editor', status: 403 },
    { role: 'commenter', status: 403 },
    { role: 'viewer', status: 403 },
    { role: 'outsider', status: 404 },
  ] as const)('answers $status to the $role', async ({ role, status }) => {
    const workspaceId = await createCastWorkspace(cast);
    const response = await cast[role].client.get(`/workspaces/${workspaceId}/audit`);
    expect(response.status).toBe(status);
    if (status === 200) expect(response.body.entries).toHaveLength(await auditCount(app.dataSource, workspaceId));
    else expect(response.body.entries).toBeUndefined();
  });

  it('keeps entries whose actor has left, still naming them', async () => {
    const workspaceId = await createCastWorkspace(cast);
    await cast.viewer.client.post(`/workspaces/${workspaceId}/leave`);
    const [latest] = await readAll(cast.owner, workspaceId);
    expect(latest).toMatchObject({ action: 'member.left', actor: { id: cast.viewer.id, displayName: cast.viewer.displayName } });
  });
});
