/**
 * Instance admin console, users: search and filter, promote and demote (never the last active
 * admin), a user's workspaces, and removing an account with a decision for each workspace they
 * alone own, keeping their annotations. Every change is in the instance audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerUser, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { addMember, createWorkspace, expectApiError, insertDocument, roleIn } from './fixtures.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';

const LAST_ADMIN = 'the instance must keep at least one active administrator: make someone else an administrator first';

describe('admin console: users', () => {
  let app: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await registerUser(app.baseUrl, 'chief');
    const setupToken = await app.get(AdminSetupService).issueTokenIfNeeded();
    expect((await admin.client.post('/auth/admin-setup', { token: setupToken })).status).toBe(204);
  });
  afterAll(async () => {
    await app.close();
  });

  async function auditActions(subjectId: string): Promise<string[]> {
    const rows = (await app.dataSource.query('SELECT action FROM instance_audit_entries WHERE subject_id = $1 AND action <> \'user.registered\' ORDER BY created_at, id', [subjectId])) as { action: string }[];
    return rows.map((row) => row.action);
  }

  it('finds accounts by text and by kind', async () => {
    const zelda = await registerUser(app.baseUrl, 'zelda-searchable');
    const off = await registerUser(app.baseUrl, 'off');
    await admin.client.patch(`/admin/users/${off.id}`, { disabled: true });
    const byText = await admin.client.get('/admin/users?q=zelda-SEARCH');
    expect(byText.body.users.map((user: { id: string }) => user.id)).toEqual([zelda.id]);
    const admins = await admin.client.get('/admin/users?filter=admins');
    expect(admins.body.users.map((user: { id: string }) => user.id)).toEqual([admin.id]);
    const disabled = await admin.client.get('/admin/users?filter=disabled');
    expect(disabled.body.users.map((user: { id: string }) => user.id)).toContain(off.id);
    expect(disabled.body.users.every((user: { disabledAt: string | null }) => user.disabledAt !== null)).toBe(true);
    // LIKE wildcards are text, not patterns.
    expect((await admin.client.get('/admin/users?q=%25')).body.users).toEqual([]);
    expectApiError(await admin.client.get('/admin/users?filter=everyone'), 400);
    expect(await auditActions(off.id)).toEqual(['user.disabled']);
  });

  it('promotes and demotes instance admins, but never the last active one', async () => {
    const deputy = await registerUser(app.baseUrl, 'deputy');
    const promoted = await admin.client.patch(`/admin/users/${deputy.id}/role`, { isInstanceAdmin: true });
    expect(promoted.status).toBe(200);
    expect(promoted.body.isInstanceAdmin).toBe(true);
    expect((await deputy.client.get('/admin/users')).status).toBe(200);
    // The deputy demotes the chief; the chief is then refused, and the deputy cannot demote themselves.
    expect((await deputy.client.patch(`/admin/users/${admin.id}/role`, { isInstanceAdmin: false })).status).toBe(200);
    expectApiError(await admin.client.get('/admin/users'), 403, 'this needs an instance administrator');
    expectApiError(await deputy.client.patch(`/admin/users/${deputy.id}/role`, { isInstanceAdmin: false }), 409, LAST_ADMIN);
    expect((await deputy.client.patch(`/admin/users/${admin.id}/role`, { isInstanceAdmin: true })).status).toBe(200);
    expect((await admin.client.patch(`/admin/users/${deputy.id}/role`, { isInstanceAdmin: false })).status).toBe(200);
    expect(await auditActions(deputy.id)).toEqual(['user.promoted', 'user.demoted']);
    expect(await auditActions(admin.id)).toEqual(expect.arrayContaining(['user.demoted', 'user.promoted']));
  });

  it('shows a user’s workspaces and roles, flagging those only they own', async () => {
    const owner = await registerUser(app.baseUrl, 'owner');
    const other = await registerUser(app.baseUrl, 'other');
    const solo = await createWorkspace(owner, 'Solo study');
    const shared = await createWorkspace(owner, 'Shared study');
    await addMember(owner, shared, other, 'owner');
    const theirs = await createWorkspace(other, 'Their study');
    await addMember(other, theirs, owner, 'editor');
    const response = await admin.client.get(`/admin/users/${owner.id}/memberships`);
    expect(response.status).toBe(200);
    expect(response.body.memberships).toEqual([
      expect.objectContaining({ workspaceName: 'Shared study', role: 'owner', soleOwner: false, memberCount: 2 }),
      expect.objectContaining({ workspaceName: 'Solo study', role: 'owner', soleOwner: true, memberCount: 1 }),
      expect.objectContaining({ workspaceName: 'Their study', role: 'editor', soleOwner: false }),
    ]);
    expect(response.body.memberships[1].workspaceId).toBe(solo);
  });

  it('removes an account: transfers or deletes what they alone own, and keeps their annotations by a removed user', async () => {
    const leaver = await registerUser(app.baseUrl, 'leaver');
    const heir = await registerUser(app.baseUrl, 'heir');
    const kept = await createWorkspace(leaver, 'Kept study');
    const dropped = await createWorkspace(leaver, 'Dropped study');
    const documentId = await insertDocument(app.dataSource, kept, 'Interview 1', 'We met at the harbour at dawn.');
    const inserted = (await app.dataSource.query(
      `INSERT INTO annotations (workspace_id, document_id, analyst_id, start, "end", exact, prefix, suffix) VALUES ($1, $2, $3, 0, 6, 'We met', '', ' at') RETURNING id`,
      [kept, documentId, leaver.id],
    )) as { id: string }[];
    const annotationId = inserted[0]!.id;

    // Every workspace they alone own needs a decision, and the email must be typed again.
    expectApiError(await admin.client.post(`/admin/users/${leaver.id}/remove`, { confirmEmail: leaver.email, workspaces: [{ workspaceId: kept, action: 'transfer', toUserId: heir.id }] }), 409, /Dropped study/);
    expectApiError(await admin.client.post(`/admin/users/${leaver.id}/remove`, { confirmEmail: 'someone@else.example', workspaces: [] }), 400, /to confirm/);
    expect(await roleIn(app.dataSource, kept, leaver.id)).toBe('owner');

    const removed = await admin.client.post(`/admin/users/${leaver.id}/remove`, {
      confirmEmail: leaver.email.toUpperCase(),
      workspaces: [
        { workspaceId: kept, action: 'transfer', toUserId: heir.id },
        { workspaceId: dropped, action: 'delete' },
      ],
    });
    expect(removed.status).toBe(204);
    expect(await roleIn(app.dataSource, kept, heir.id)).toBe('owner');
    expect((await app.dataSource.query('SELECT id FROM workspaces WHERE id = $1', [dropped])).length).toBe(0);
    expect((await app.dataSource.query('SELECT id FROM users WHERE id = $1', [leaver.id])).length).toBe(0);
    expect((await app.dataSource.query('SELECT id FROM documents WHERE id = $1', [documentId])).length).toBe(1);
    expect(await app.dataSource.query('SELECT analyst_id FROM annotations WHERE id = $1', [annotationId])).toEqual([{ analyst_id: null }]);
    expectApiError(await leaver.client.get('/auth/me'), 401);
    expect(await auditActions(leaver.id)).toEqual(['user.removed']);
    const deletion = (await app.dataSource.query("SELECT subject_label FROM instance_audit_entries WHERE action = 'workspace.deleted' AND subject_id = $1", [dropped])) as { subject_label: string }[];
    expect(deletion).toEqual([{ subject_label: 'Dropped study' }]);
  });

  it('refuses to remove the caller themselves or an unknown account', async () => {
    expectApiError(await admin.client.post(`/admin/users/${admin.id}/remove`, { confirmEmail: admin.email }), 400, 'you cannot remove your own account');
    expectApiError(await admin.client.post('/admin/users/00000000-0000-4000-8000-000000000000/remove', { confirmEmail: 'x@example.org' }), 404, 'user not found');
  });
});
