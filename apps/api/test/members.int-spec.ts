/**
 * Membership: adding existing accounts, role changes and removals taking effect at once, the
 * last-owner rule, what admins may not do to owners, and ownership transfer.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerUser, uniqueEmail } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, registerCast, roleIn, workspaceSnapshot, type Cast } from './fixtures.js';
import { LAST_OWNER_MESSAGE } from './workspace-routes.js';

describe('workspace members', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  async function owners(workspaceId: string): Promise<string[]> {
    const rows = (await app.dataSource.query(`SELECT user_id FROM memberships WHERE workspace_id = $1 AND role = 'owner' ORDER BY user_id`, [workspaceId])) as { user_id: string }[];
    return rows.map((row) => row.user_id);
  }

  describe('adding people', () => {
    it('invites an existing account, whatever the case and spacing of the email; it joins only by accepting', async () => {
      const workspaceId = await createCastWorkspace(cast);
      const newcomer = await registerUser(app.baseUrl, 'newcomer');
      const response = await cast.admin.client.post(`/workspaces/${workspaceId}/members`, { email: `  ${newcomer.email.toUpperCase()} `, role: 'editor' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ kind: 'invite', invite: { email: newcomer.email, role: 'editor' } });
      expect(await roleIn(app.dataSource, workspaceId, newcomer.id)).toBeNull();
      const invitations = await newcomer.client.get('/invitations');
      expect(invitations.body.invitations).toEqual([expect.objectContaining({ id: response.body.invite.id, workspaceId, role: 'editor', invitedBy: cast.admin.displayName })]);
      expect((await newcomer.client.post(`/invitations/${response.body.invite.id as string}/accept`)).body).toEqual({ workspaceId });
      const listed = await newcomer.client.get('/workspaces');
      expect(listed.body.workspaces).toEqual([expect.objectContaining({ id: workspaceId, myRole: 'editor', memberCount: 6 })]);
      const members = await cast.viewer.client.get(`/workspaces/${workspaceId}/members`);
      expect(members.body.members.map((member: { role: string }) => member.role)).toEqual(['owner', 'admin', 'editor', 'editor', 'commenter', 'viewer']);
    });

    it('refuses to add someone twice, keeping their role', async () => {
      const workspaceId = await createCastWorkspace(cast);
      const before = await workspaceSnapshot(app.dataSource, workspaceId);
      const response = await cast.owner.client.post(`/workspaces/${workspaceId}/members`, { email: cast.viewer.email, role: 'admin' });
      expectApiError(response, 409, `${cast.viewer.email} is already a member of this workspace`);
      expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
    });

    it('leaves one live invite when adds of the same account race', async () => {
      const workspaceId = await createCastWorkspace(cast);
      const newcomer = await registerUser(app.baseUrl, 'racer');
      const responses = await Promise.all(Array.from({ length: 6 }, () => cast.owner.client.post(`/workspaces/${workspaceId}/members`, { email: newcomer.email, role: 'viewer' })));
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect((await newcomer.client.get('/invitations')).body.invitations).toHaveLength(1);
      expect(await roleIn(app.dataSource, workspaceId, newcomer.id)).toBeNull();
    });

    it.each([
      { body: { email: 'someone@example.test', role: 'superuser' }, issue: 'role' },
      { body: { email: 'not an email', role: 'viewer' }, issue: 'email' },
      { body: { email: 'someone@example.test' }, issue: 'role' },
      { body: { email: 'someone@example.test', role: 'viewer', note: 'hi' }, issue: '' },
    ])('refuses a malformed addition ($body) with 400 naming the field', async ({ body, issue }) => {
      const workspaceId = await createCastWorkspace(cast);
      const before = await workspaceSnapshot(app.dataSource, workspaceId);
      const response = await cast.owner.client.post(`/workspaces/${workspaceId}/members`, body);
      expectApiError(response, 400, /^invalid request body: /);
      expect(response.body.issues.map((entry: { path: string }) => entry.path)).toEqual([issue]);
      expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
    });
  });

  describe('role changes and removals take effect on the next request', () => {
    it('promotes a viewer, who can then manage members, and demotes an admin, who then cannot', async () => {
      const workspaceId = await createCastWorkspace(cast);
      expectApiError(await cast.viewer.client.get(`/workspaces/${workspaceId}/invites`), 403);
      const promoted = await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.viewer.id}`, { role: 'admin' });
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({ userId: cast.viewer.id, role: 'admin' });
      expect((await cast.viewer.client.get(`/workspaces/${workspaceId}/invites`)).status).toBe(200);
      expect((await cast.viewer.client.get(`/workspaces/${workspaceId}`)).body.myRole).toBe('admin');

      expect((await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.admin.id}`, { role: 'viewer' })).status).toBe(200);
      expectApiError(await cast.admin.client.get(`/workspaces/${workspaceId}/invites`), 403, 'this needs the admin role or higher; you are viewer');
    });

    it('removes a member, who then gets 404 as if the workspace did not exist', async () => {
      const workspaceId = await createCastWorkspace(cast);
      expect((await cast.admin.client.delete(`/workspaces/${workspaceId}/members/${cast.editor.id}`)).status).toBe(204);
      expect(await roleIn(app.dataSource, workspaceId, cast.editor.id)).toBeNull();
      expectApiError(await cast.editor.client.get(`/workspaces/${workspaceId}`), 404, 'workspace not found');
      const listed = await cast.editor.client.get('/workspaces');
      expect(listed.body.workspaces.map((workspace: { id: string }) => workspace.id)).not.toContain(workspaceId);
    });

    it('lets a member leave, after which the workspace is gone for them', async () => {
      const workspaceId = await createCastWorkspace(cast);
      expect((await cast.commenter.client.post(`/workspaces/${workspaceId}/leave`)).status).toBe(204);
      expectApiError(await cast.commenter.client.get(`/workspaces/${workspaceId}/members`), 404, 'workspace not found');
      expect((await cast.owner.client.get(`/workspaces/${workspaceId}`)).body.memberCount).toBe(4);
    });

    it('treats setting the role a member already has as a no-op', async () => {
      const workspaceId = await createCastWorkspace(cast);
      const before = await workspaceSnapshot(app.dataSource, workspaceId);
      const response = await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.editor.id}`, { role: 'editor' });
      expect(response.status).toBe(200);
      expect(response.body.role).toBe('editor');
      expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
    });
  });

  describe('the last owner', () => {
    it.each([
      { attempt: 'demote themselves', call: (c: Cast, id: string) => c.owner.client.patch(`/workspaces/${id}/members/${c.owner.id}`, { role: 'admin' }) },
      { attempt: 'leave', call: (c: Cast, id: string) => c.owner.client.post(`/workspaces/${id}/leave`) },
      { attempt: 'remove themselves', call: (c: Cast, id: string) => c.owner.client.delete(`/workspaces/${id}/members/${c.owner.id}`) },
    ])('cannot $attempt: 409, and nothing changes', async ({ call }) => {
      const workspaceId = await createCastWorkspace(cast);
      const before = await workspaceSnapshot(app.dataSource, workspaceId);
      expectApiError(await call(cast, workspaceId), 409, LAST_OWNER_MESSAGE);
      expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
      expect((await cast.owner.client.get(`/workspaces/${workspaceId}`)).body.myRole).toBe('owner');
    });

    it('can step down once there is a second owner, who keeps the workspace', async () => {
      const workspaceId = await createCastWorkspace(cast);
      expect((await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.admin.id}`, { role: 'owner' })).status).toBe(200);
      const steppedDown = await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.owner.id}`, { role: 'editor' });
      expect(steppedDown.status).toBe(200);
      expect(steppedDown.body.role).toBe('editor');
      expect(await owners(workspaceId)).toEqual([cast.admin.id]);
      // The remaining owner is now the last one.
      expectApiError(await cast.admin.client.post(`/workspaces/${workspaceId}/leave`), 409, LAST_OWNER_MESSAGE);
    });

    it('survives two owners demoting each other at the same moment: one wins, one owner remains', async () => {
      const workspaceId = await createCastWorkspace(cast);
      await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.admin.id}`, { role: 'owner' });
      const [first, second] = await Promise.all([
        cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.admin.id}`, { role: 'admin' }),
        cast.admin.client.patch(`/workspaces/${workspaceId}/members/${cast.owner.id}`, { role: 'admin' }),
      ]);
      // The loser is refused either as the last owner (409) or, if the winner's demotion of
      // them committed first, because they are no longer an owner (403).
      const statuses = [first!.status, second!.status].sort();
      expect(statuses[0]).toBe(200);
      const loser = first!.status === 200 ? second! : first!;
      if (loser.status === 409) expectApiError(loser, 409, LAST_OWNER_MESSAGE);
      else expectApiError(loser, 403, 'only an owner can change or remove an owner');
      expect(await owners(workspaceId)).toHaveLength(1);
    });
  });

  describe('what admins may not do to owners', () => {
    it.each([
      { attempt: 'add someone as owner', call: (c: Cast, id: string) => c.admin.client.post(`/workspaces/${id}/members`, { email: uniqueEmail('would-be-owner'), role: 'owner' }), message: 'only an owner can make someone an owner' },
      { attempt: 'promote a member to owner', call: (c: Cast, id: string) => c.admin.client.patch(`/workspaces/${id}/members/${c.editor.id}`, { role: 'owner' }), message: 'only an owner can make someone an owner' },
      { attempt: 'promote themselves to owner', call: (c: Cast, id: string) => c.admin.client.patch(`/workspaces/${id}/members/${c.admin.id}`, { role: 'owner' }), message: 'only an owner can make someone an owner' },
      { attempt: "change an owner's role", call: (c: Cast, id: string) => c.admin.client.patch(`/workspaces/${id}/members/${c.owner.id}`, { role: 'viewer' }), message: 'only an owner can change or remove an owner' },
      { attempt: 'remove an owner', call: (c: Cast, id: string) => c.admin.client.delete(`/workspaces/${id}/members/${c.owner.id}`), message: 'only an owner can change or remove an owner' },
    ])('cannot $attempt: 403, and nothing changes', async ({ call, message }) => {
      const workspaceId = await createCastWorkspace(cast);
      // A second owner, so the last-owner rule is not what stops them.
      await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.commenter.id}`, { role: 'owner' });
      const before = await workspaceSnapshot(app.dataSource, workspaceId);
      expectApiError(await call(cast, workspaceId), 403, message);
      expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
    });

    it('may manage everyone below owner, other admins included', async () => {
      const workspaceId = await createCastWorkspace(cast);
      await cast.owner.client.patch(`/workspaces/${workspaceId}/members/${cast.editor.id}`, { role: 'admin' });
      expect((await cast.admin.client.patch(`/workspaces/${workspaceId}/members/${cast.editor.id}`, { role: 'commenter' })).status).toBe(200);
      expect((await cast.admin.client.delete(`/workspaces/${workspaceId}/members/${cast.viewer.id}`)).status).toBe(204);
      expect(await roleIn(app.dataSource, workspaceId, cast.editor.id)).toBe('commenter');
      expect(await roleIn(app.dataSource, workspaceId, cast.viewer.id)).toBeNull();
    });
  });

  describe('ownership transfer', () => {
    it('makes the target owner and the caller admin', async () => {
      const workspaceId = await createCastWorkspace(cast);
      const response = await cast.owner.client.post(`/workspaces/${workspaceId}/transfer-ownership`, { userId: cast.editor.id });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: workspaceId, myRole: 'admin' });
      expect(await owners(workspaceId)).toEqual([cast.editor.id]);
      expect(await roleIn(app.dataSource, workspaceId, cast.owner.id)).toBe('admin');
      // The new owner has the owner's powers at once; the old one has lost them.
      expectApiError(await cast.owner.client.post(`/workspaces/${workspaceId}/archive`), 403, 'this needs the owner role or higher; you are admin');
      expect((await cast.editor.client.post(`/workspaces/${workspaceId}/archive`)).status).toBe(200);
    });

    it.each([
      { target: 'a registered non-member', userId: (c: Cast) => c.outsider.id, status: 404, message: 'that user is not a member of this workspace' },
      { target: 'an unknown user id', userId: () => '00000000-0000-4000-8000-000000000000', status: 404, message: 'that user is not a member of this workspace' },
      { target: 'themselves', userId: (c: Cast) => c.owner.id, status: 400, message: 'you already own this workspace' },
      { target: 'a malformed id', userId: () => 'nobody', status: 400, message: /^invalid request body: userId/ },
    ])('refuses a transfer to $target, changing nothing', async ({ userId, status, message }) => {
      const workspaceId = await createCastWorkspace(cast);
      const before = await workspaceSnapshot(app.dataSource, workspaceId);
      expectApiError(await cast.owner.client.post(`/workspaces/${workspaceId}/transfer-ownership`, { userId: userId(cast) }), status, message);
      expect(await workspaceSnapshot(app.dataSource, workspaceId)).toEqual(before);
    });
  });
});
