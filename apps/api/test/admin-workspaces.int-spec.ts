/**
 * Instance admin console, workspaces: the overview (owners, counts, storage, last activity,
 * state), sorting and filtering, archive / restore / delete typing the name, transfer when the
 * owner has left, "add me as owner" for an orphaned workspace only. Every action audited.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminWorkspace } from '@marginalia/shared';
import { registerUser, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { addMember, createWorkspace, expectApiError, insertDocument, roleIn } from './fixtures.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';

describe('admin console: workspaces', () => {
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

  async function overview(query = ''): Promise<AdminWorkspace[]> {
    const response = await admin.client.get(`/admin/workspaces${query}`);
    expect(response.status).toBe(200);
    return response.body.workspaces as AdminWorkspace[];
  }

  async function instanceActions(workspaceId: string): Promise<string[]> {
    const rows = (await app.dataSource.query('SELECT action FROM instance_audit_entries WHERE subject_id = $1 ORDER BY created_at, id', [workspaceId])) as { action: string }[];
    return rows.map((row) => row.action);
  }

  it('lists every workspace with its owners, counts, storage and state', async () => {
    const owner = await registerUser(app.baseUrl, 'owner');
    const editor = await registerUser(app.baseUrl, 'editor');
    const workspaceId = await createWorkspace(owner, 'Harbour interviews');
    await addMember(owner, workspaceId, editor, 'editor');
    const text = 'Fishermen remember the winter of the great storm.';
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Interview A', text);
    await insertDocument(app.dataSource, workspaceId, 'Interview B', 'Short.');
    await app.dataSource.query(`INSERT INTO annotations (workspace_id, document_id, analyst_id, start, "end", exact, prefix, suffix) VALUES ($1, $2, $3, 0, 9, 'Fishermen', '', ' remember')`, [workspaceId, documentId, editor.id]);

    const listed = (await overview()).find((workspace) => workspace.id === workspaceId);
    expect(listed).toMatchObject({
      name: 'Harbour interviews',
      owners: [{ id: owner.id, email: owner.email, disabled: false }],
      memberCount: 2,
      documentCount: 2,
      annotationCount: 1,
      state: 'active',
      myRole: null,
    });
    expect(listed!.storageBytes).toBeGreaterThanOrEqual(Buffer.byteLength(text) + Buffer.byteLength('Short.'));
    expect(Date.parse(listed!.lastActivityAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters by text and state, sorts both ways, and calls a workspace without an active owner orphaned', async () => {
    const leaver = await registerUser(app.baseUrl, 'leaver');
    const orphan = await createWorkspace(leaver, 'Zeta orphan');
    await admin.client.patch(`/admin/users/${leaver.id}`, { disabled: true });
    const byState = await overview('?state=orphaned');
    expect(byState.map((workspace) => workspace.id)).toEqual([orphan]);
    expect((await overview('?q=zeta')).map((workspace) => workspace.id)).toEqual([orphan]);
    expect((await overview(`?q=${encodeURIComponent(leaver.email)}`)).map((workspace) => workspace.id)).toEqual([orphan]);
    const ascending = (await overview('?sort=name')).map((workspace) => workspace.name);
    expect(ascending).toEqual([...ascending].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect((await overview('?sort=name&direction=desc')).map((workspace) => workspace.name)).toEqual([...ascending].reverse());
    expectApiError(await admin.client.get('/admin/workspaces?sort=size'), 400);
  });

  it('archives and restores a workspace it is not a member of, audited in both logs', async () => {
    const owner = await registerUser(app.baseUrl, 'archivist');
    const workspaceId = await createWorkspace(owner, 'To archive');
    const archived = await admin.client.post(`/admin/workspaces/${workspaceId}/archive`);
    expect(archived.body).toMatchObject({ state: 'archived', archivedAt: expect.any(String) });
    expect((await owner.client.get(`/workspaces/${workspaceId}`)).body.archivedAt).not.toBeNull();
    expect((await admin.client.post(`/admin/workspaces/${workspaceId}/restore`)).body).toMatchObject({ state: 'active', archivedAt: null });
    expect(await instanceActions(workspaceId)).toEqual(['workspace.archived', 'workspace.restored']);
    const workspaceLog = (await owner.client.get(`/workspaces/${workspaceId}/audit`)).body;
    expect(JSON.stringify(workspaceLog)).toContain('workspace.unarchived');
  });

  it('deletes only when the name is typed, and the instance log keeps the name', async () => {
    const owner = await registerUser(app.baseUrl, 'deleted');
    const workspaceId = await createWorkspace(owner, 'Doomed study');
    expectApiError(await admin.client.post(`/admin/workspaces/${workspaceId}/delete`, { confirmName: 'Doomed' }), 400, 'type the workspace\'s name ("Doomed study") to confirm');
    expect((await owner.client.get(`/workspaces/${workspaceId}`)).status).toBe(200);
    expect((await admin.client.post(`/admin/workspaces/${workspaceId}/delete`, { confirmName: 'Doomed study' })).status).toBe(204);
    expect((await owner.client.get(`/workspaces/${workspaceId}`)).status).toBe(404);
    expect(await instanceActions(workspaceId)).toEqual(['workspace.deleted']);
    expectApiError(await admin.client.post(`/admin/workspaces/${workspaceId}/archive`), 404, 'workspace not found');
  });

  it('an owner deleting their own workspace is in the instance log too', async () => {
    const owner = await registerUser(app.baseUrl, 'self-deleter');
    const workspaceId = await createWorkspace(owner, 'Mine to delete');
    expect((await owner.client.delete(`/workspaces/${workspaceId}`)).status).toBe(204);
    const rows = (await app.dataSource.query("SELECT actor_id, subject_label FROM instance_audit_entries WHERE action = 'workspace.deleted' AND subject_id = $1", [workspaceId])) as object[];
    expect(rows).toEqual([{ actor_id: owner.id, subject_label: 'Mine to delete' }]);
  });

  it('transfers ownership when the owner has left, and adds the admin as owner of an orphaned workspace only', async () => {
    const leaver = await registerUser(app.baseUrl, 'gone');
    const member = await registerUser(app.baseUrl, 'stays');
    const workspaceId = await createWorkspace(leaver, 'Left behind');
    await addMember(leaver, workspaceId, member, 'editor');
    const active = await registerUser(app.baseUrl, 'active-owner');
    const activeWorkspace = await createWorkspace(active, 'Still owned');
    expectApiError(await admin.client.post(`/admin/workspaces/${activeWorkspace}/add-me-as-owner`), 409, 'this workspace still has an active owner: ask them to add you, or transfer ownership');

    await admin.client.patch(`/admin/users/${leaver.id}`, { disabled: true });
    const transferred = await admin.client.post(`/admin/workspaces/${workspaceId}/transfer-ownership`, { userId: member.id });
    expect(transferred.status).toBe(200);
    expect(transferred.body.state).toBe('active');
    expect(await roleIn(app.dataSource, workspaceId, member.id)).toBe('owner');
    expect(await roleIn(app.dataSource, workspaceId, leaver.id)).toBe('admin');

    const orphan = await createWorkspace(member, 'Orphan for the admin');
    await admin.client.patch(`/admin/users/${member.id}`, { disabled: true });
    const joined = await admin.client.post(`/admin/workspaces/${orphan}/add-me-as-owner`);
    expect(joined.body).toMatchObject({ state: 'active', myRole: 'owner' });
    expect((await admin.client.get(`/workspaces/${orphan}`)).status).toBe(200);
    expect(await instanceActions(workspaceId)).toEqual(['workspace.ownershipTransferred']);
    expect(await instanceActions(orphan)).toEqual(['workspace.adminJoined']);
  });
});
