import { randomUUID } from 'node:crypto';
/**
 * Isolation between workspaces: being owner or admin of one workspace grants nothing in
 * another, and ids of another workspace's rows cannot be reached through your own
 * workspace's paths.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, registerUser, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { addMember, createWorkspace, expectApiError, insertDocument, registerCast, roleIn, workspaceSnapshot, type Cast } from './fixtures.js';
import { NOT_FOUND_WORKSPACE, WORKSPACE_ROUTES, callRoute, prepareRouteWorkspace, routeName, type RouteFixtures } from './workspace-routes.js';

describe('workspace isolation', () => {
  let app: TestApp;
  /** The members of workspace B (created afresh per test). */
  let castB: Cast;
  /** Owner and admin of workspace A, strangers to B. */
  let ownerA: TestUser;
  let adminA: TestUser;
  let workspaceA: string;
  let documentA: string;

  beforeAll(async () => {
    app = await createTestApp();
    [castB, ownerA, adminA] = await Promise.all([registerCast(app.baseUrl, 'b-'), registerUser(app.baseUrl, 'a-owner'), registerUser(app.baseUrl, 'a-admin')]);
    workspaceA = await createWorkspace(ownerA, 'Workspace A');
    await addMember(ownerA, workspaceA, adminA, 'admin');
    documentA = await insertDocument(app.dataSource, workspaceA, 'A document');
  });
  afterAll(async () => {
    await app.close();
  });

  const CASES = WORKSPACE_ROUTES.flatMap((route) =>
    (['owner', 'admin'] as const).map((role) => ({ route, role, name: `${routeName(route)} on B by A's ${role} -> 404` })),
  );

  it.each(CASES)('$name', async ({ route, role }) => {
    const workspaceB = await prepareRouteWorkspace(app, castB, route);
    const before = await workspaceSnapshot(app.dataSource, workspaceB.workspaceId);
    const caller = role === 'owner' ? ownerA : adminA;
    expectApiError(await callRoute(caller.client, route, workspaceB), 404, NOT_FOUND_WORKSPACE.message);
    expect(await workspaceSnapshot(app.dataSource, workspaceB.workspaceId)).toEqual(before);
  });

  describe("B's rows through A's paths", () => {
    let workspaceB: RouteFixtures;
    let beforeA: unknown;
    let beforeB: unknown;

    // Each test gets its own workspace B, and proves that neither workspace changed.
    async function prepare(): Promise<void> {
      workspaceB = await prepareRouteWorkspace(app, castB);
      [beforeA, beforeB] = await Promise.all([workspaceSnapshot(app.dataSource, workspaceA), workspaceSnapshot(app.dataSource, workspaceB.workspaceId)]);
    }
    async function expectNothingChanged(): Promise<void> {
      expect(await workspaceSnapshot(app.dataSource, workspaceA)).toEqual(beforeA);
      expect(await workspaceSnapshot(app.dataSource, workspaceB.workspaceId)).toEqual(beforeB);
    }

    it("cannot read B's document through A", async () => {
      await prepare();
      expectApiError(await ownerA.client.get(`/workspaces/${workspaceA}/documents/${workspaceB.documentId}`), 404, 'document not found');
      const listA = await ownerA.client.get(`/workspaces/${workspaceA}/documents`);
      expect(listA.body.documents.map((document: { id: string }) => document.id)).toEqual([documentA]);
      // B's own members do reach it through B.
      expect((await castB.viewer.client.get(`/workspaces/${workspaceB.workspaceId}/documents/${workspaceB.documentId}`)).status).toBe(200);
    });

    it("cannot revoke B's invite through A", async () => {
      await prepare();
      expectApiError(await ownerA.client.delete(`/workspaces/${workspaceA}/invites/${workspaceB.inviteId}`), 404, 'invite not found');
      await expectNothingChanged();
      const pendingB = await castB.admin.client.get(`/workspaces/${workspaceB.workspaceId}/invites`);
      expect(pendingB.body.invites.map((invite: { id: string }) => invite.id)).toEqual([workspaceB.inviteId]);
    });

    it("cannot change or remove B's member through A", async () => {
      await prepare();
      const target = castB.viewer.id;
      expectApiError(await ownerA.client.patch(`/workspaces/${workspaceA}/members/${target}`, { role: 'admin' }), 404, 'member not found');
      expectApiError(await ownerA.client.delete(`/workspaces/${workspaceA}/members/${target}`), 404, 'member not found');
      await expectNothingChanged();
      expect(await roleIn(app.dataSource, workspaceB.workspaceId, target)).toBe('viewer');
    });

    it('cannot transfer A to a member of B who is not in A', async () => {
      await prepare();
      const response = await ownerA.client.post(`/workspaces/${workspaceA}/transfer-ownership`, { userId: castB.owner.id });
      expectApiError(response, 404, 'that user is not a member of this workspace');
      await expectNothingChanged();
    });
  });

  it("lists only the workspaces one belongs to, each with one's own role there", async () => {
    const workspaceB = await prepareRouteWorkspace(app, castB);
    const listed = await adminA.client.get('/workspaces');
    expect(listed.body.workspaces.map((workspace: { id: string; myRole: string }) => [workspace.id, workspace.myRole])).toEqual([[workspaceA, 'admin']]);
    const listedB = await castB.editor.client.get('/workspaces');
    expect(listedB.body.workspaces.map((workspace: { id: string }) => workspace.id)).toContain(workspaceB.workspaceId);
    expect(listedB.body.workspaces.map((workspace: { id: string }) => workspace.id)).not.toContain(workspaceA);
  });

  it('applies the role held in the workspace asked about, not the highest role anywhere', async () => {
    const both = await registerUser(app.baseUrl, 'both');
    const workspaceC = await createWorkspace(ownerA, 'Workspace C');
    await addMember(ownerA, workspaceC, both, 'admin');
    const workspaceB = await prepareRouteWorkspace(app, castB);
    await addMember(castB.owner, workspaceB.workspaceId, both, 'viewer');

    expect((await both.client.patch(`/workspaces/${workspaceC}`, { name: 'Renamed C' })).status).toBe(200);
    expectApiError(await both.client.patch(`/workspaces/${workspaceB.workspaceId}`, { name: 'Renamed B' }), 403, 'this needs the admin role or higher; you are viewer');
    expect((await castB.owner.client.get(`/workspaces/${workspaceB.workspaceId}`)).body.name).toBe('Interviews');
  });

  it("keeps one workspace's audit log free of another's changes", async () => {
    const workspaceB = await prepareRouteWorkspace(app, castB);
    await castB.owner.client.patch(`/workspaces/${workspaceB.workspaceId}`, { name: 'Secret project' });
    const auditA = await ownerA.client.get(`/workspaces/${workspaceA}/audit`);
    expect(auditA.status).toBe(200);
    expect(JSON.stringify(auditA.body)).not.toContain('Secret project');
    expect(JSON.stringify(auditA.body)).not.toContain(workspaceB.workspaceId);
  });

  it('answers an anonymous caller 401 on every workspace route, before any lookup', async () => {
    const workspaceB = await prepareRouteWorkspace(app, castB);
    // Ids that routes' own prepare steps would create: any value will do, nothing is looked up.
    workspaceB.extra = { actorId: randomUUID(), candidateId: randomUUID(), attributionId: randomUUID(), jobId: randomUUID(), tagId: randomUUID(), annotationId: randomUUID(), analystA: randomUUID(), analystB: randomUUID(), mapId: randomUUID(), threadId: randomUUID(), commentId: randomUUID(), format: 'csv' };
    const anonymous = new ApiClient(app.baseUrl);
    for (const route of WORKSPACE_ROUTES) {
      expectApiError(await callRoute(anonymous, route, workspaceB), 401, 'sign in first (session cookie or Bearer token)');
    }
  });
});
