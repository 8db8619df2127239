/**
 * The argument map routes, as rows of the workspace route table (workspace-routes.ts): the
 * access-matrix and isolation tests run each against every caller.
 */
import { expect } from '@jest/globals';
import type { TestApp } from './create-test-app.js';
import type { RouteFixtures, WorkspaceRoute } from './workspace-routes.js';

export const ONLY_CREATOR_OR_ADMIN_DELETES_MAP = 'only the member who created this map, or an admin, may delete it';

export const MAP_ROUTES: readonly WorkspaceRoute[] = [
  { method: 'GET', path: '/workspaces/:workspaceId/maps', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertMap, expectBody: (body, f) => expect(body.maps.map((map: { id: string }) => map.id)).toEqual([f.extra.mapId]) },
  { method: 'POST', path: '/workspaces/:workspaceId/maps', action: 'maps.edit', minRole: 'editor', success: 201, body: () => ({ title: 'Why now?' }), blockedWhenArchived: true },
  { method: 'GET', path: '/workspaces/:workspaceId/maps/:mapId', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertMap, expectBody: (body, f) => expect(body).toMatchObject({ id: f.extra.mapId, title: 'Competing explanations' }) },
  { method: 'PATCH', path: '/workspaces/:workspaceId/maps/:mapId', action: 'maps.edit', minRole: 'editor', success: 200, prepare: insertMap, body: () => ({ title: 'Renamed' }), blockedWhenArchived: true },
  { method: 'POST', path: '/workspaces/:workspaceId/maps/:mapId/duplicate', action: 'maps.edit', minRole: 'editor', success: 201, prepare: insertMap, body: () => ({}), blockedWhenArchived: true },
  {
    method: 'DELETE',
    path: '/workspaces/:workspaceId/maps/:mapId',
    action: 'maps.edit',
    minRole: 'editor',
    success: 204,
    prepare: insertMap,
    blockedWhenArchived: true,
    exceptions: { editor: { status: 403, message: ONLY_CREATOR_OR_ADMIN_DELETES_MAP } },
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/map-citations?documentId=:documentId',
    action: 'content.read',
    minRole: 'viewer',
    success: 200,
    prepare: insertCitation,
    expectBody: (body, f) => expect(body.citations.map((citation: { mapId: string }) => citation.mapId)).toEqual([f.extra.mapId]),
  },
];

/** A map created by the owner (so an editor's delete of it is someone else's). */
async function insertMap(app: TestApp, f: RouteFixtures): Promise<void> {
  const docName = `map-route-${f.workspaceId}`;
  await app.dataSource.query(`INSERT INTO collab_documents (name, workspace_id, kind) VALUES ($1, $2, 'map')`, [docName, f.workspaceId]);
  const rows = (await app.dataSource.query(`INSERT INTO argument_maps (workspace_id, title, doc_name, created_by) VALUES ($1, 'Competing explanations', $2, $3) RETURNING id`, [
    f.workspaceId,
    docName,
    f.cast.owner.id,
  ])) as { id: string }[];
  f.extra.mapId = rows[0]!.id;
}

async function insertCitation(app: TestApp, f: RouteFixtures): Promise<void> {
  await insertMap(app, f);
  await app.dataSource.query(
    `INSERT INTO map_citations (map_id, workspace_id, link_id, node_id, node_kind, node_text, document_id, start, "end", exact) VALUES ($1, $2, 'link-1', 'node-1', 'evidence', 'A quote', $3, 0, 3, 'abc')`,
    [f.extra.mapId, f.workspaceId, f.documentId],
  );
}
