/**
 * Importing a Marginalia JSON export creates a new workspace owned by the importer that exports
 * the same content again (ids, timestamps and member roles aside); its maps are valid Yjs
 * documents; authors unknown to this instance become former members; a body that does not
 * match the schema is refused before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { WorkspaceExport } from '@marginalia/shared';
import { ApiClient } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { stableSnapshot } from './export-golden.js';
import { loadDemoSeed, seedDemoWorkspace } from '../src/seed/demo-seed.js';

/** What must survive the trip: everything but ids, times, the generator and who is a member now (authors keep their names). */
const content = (snapshot: WorkspaceExport) => {
  const authors = new Set([...snapshot.annotations.map((a) => a.analystId), ...snapshot.threads.flatMap((t) => t.comments.map((c) => c.authorId)), ...snapshot.maps.map((m) => m.createdBy)]);
  const members = snapshot.members.filter((member) => authors.has(member.id)).map((member) => ({ ...member, role: null }));
  const { workspace, ...rest } = stableSnapshot({ ...snapshot, members, workspace: { ...snapshot.workspace, id: 'workspace' } });
  return { ...rest, workspace: { name: workspace.name, description: workspace.description } };
};

describe('importing a workspace export', () => {
  let app: TestApp;
  let workspaceId: string;
  let mei: ApiClient;

  beforeAll(async () => {
    app = await createTestApp();
    ({ workspaceId } = await seedDemoWorkspace(app.dataSource));
    mei = new ApiClient(app.baseUrl);
    expect((await mei.post('/auth/login', { email: 'mei@demo.marginalia.test', password: (await loadDemoSeed()).password })).status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
  });

  it('round-trips the demo workspace: export, import, export again gives the same content', async () => {
    const original = (await mei.get<WorkspaceExport>(`/workspaces/${workspaceId}/exports/json`)).body;
    const imported = await mei.post<{ workspaceId: string; documents: number; annotations: number; formerMembers: number }>('/workspaces/import', original);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ documents: original.documents.length, annotations: original.annotations.length, formerMembers: 0 });
    expect(imported.body.workspaceId).not.toBe(workspaceId);

    const again = (await mei.get<WorkspaceExport>(`/workspaces/${imported.body.workspaceId}/exports/json`)).body;
    expect(again.members.filter((member) => member.role !== null).map((member) => [member.displayName, member.role])).toEqual([['Mei Lin', 'owner']]);
    expect(content(again)).toEqual(content(original));

    // The map is a live document the map guard accepts edits on: its projection lists the same nodes.
    const maps = (await mei.get<{ maps: { id: string; nodeCount: number }[] }>(`/workspaces/${imported.body.workspaceId}/maps`)).body.maps;
    expect(maps.map((map) => map.nodeCount)).toEqual(original.maps.map((map) => map.nodes.length));
  });

  it('turns authors unknown to this instance into former members, and refuses a malformed export', async () => {
    const original = (await mei.get<WorkspaceExport>(`/workspaces/${workspaceId}/exports/json`)).body;
    const stranger = randomUUID();
    const [first, ...others] = original.annotations;
    const changed: WorkspaceExport = { ...original, members: [...original.members, { id: stranger, displayName: 'Elsewhere', role: 'editor' }], annotations: [{ ...first!, analystId: stranger }, ...others] };
    const imported = await mei.post<{ workspaceId: string; formerMembers: number }>('/workspaces/import', changed);
    expect(imported.status).toBe(201);
    expect(imported.body.formerMembers).toBe(1);
    const again = (await mei.get<WorkspaceExport>(`/workspaces/${imported.body.workspaceId}/exports/json`)).body;
    expect(again.annotations.filter((annotation) => annotation.analystId === null)).toHaveLength(1);
    expect(again.members.some((member) => member.id === stranger)).toBe(false);

    const before = (await app.dataSource.query(`SELECT count(*)::int AS n FROM workspaces`)) as { n: number }[];
    const refused = await mei.post('/workspaces/import', { ...original, formatVersion: 99 });
    expect(refused.status).toBe(400);
    expect((await app.dataSource.query(`SELECT count(*)::int AS n FROM workspaces`)) as { n: number }[]).toEqual(before);
  });
});
