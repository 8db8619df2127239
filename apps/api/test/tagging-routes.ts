/**
 * The codebook, annotation and agreement routes, as rows of the workspace route table
 * (workspace-routes.ts): the access-matrix and isolation tests run each against every caller.
 */
import { expect } from '@jest/globals';
import type { TestApp } from './create-test-app.js';
import type { RouteFixtures, WorkspaceRoute } from './workspace-routes.js';

export const ONLY_ADMINS_ADD_TAGS = 'only admins add tags in this workspace; an admin can let editors add tags while coding';
export const OWN_ANNOTATIONS_ONLY = (verb: 'change' | 'delete'): string => `you can ${verb} only your own annotations; admins can ${verb} anyone's`;

export const TAGGING_ROUTES: readonly WorkspaceRoute[] = [
  { method: 'GET', path: '/workspaces/:workspaceId/tags', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertTag, expectBody: (body, f) => expect(body.tags.map((tag: { id: string }) => tag.id)).toEqual([f.extra.tagId]) },
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/tags',
    action: 'annotations.create',
    minRole: 'editor',
    success: 201,
    body: () => ({ name: 'Regime insecurity' }),
    blockedWhenArchived: true,
    exceptions: { editor: { status: 403, message: ONLY_ADMINS_ADD_TAGS } },
  },
  { method: 'PATCH', path: '/workspaces/:workspaceId/tags/:tagId', action: 'codebook.manage', minRole: 'admin', success: 200, prepare: insertTag, body: () => ({ definition: 'Fear of losing power.' }), blockedWhenArchived: true },
  { method: 'POST', path: '/workspaces/:workspaceId/tags/:tagId/move', action: 'codebook.manage', minRole: 'admin', success: 200, prepare: insertTwoTags, body: (f) => ({ parentId: f.extra.otherTagId }), blockedWhenArchived: true },
  { method: 'POST', path: '/workspaces/:workspaceId/tags/:tagId/merge', action: 'codebook.manage', minRole: 'admin', success: 200, prepare: insertTwoTags, body: (f) => ({ intoTagId: f.extra.otherTagId }), blockedWhenArchived: true },
  { method: 'DELETE', path: '/workspaces/:workspaceId/tags/:tagId?annotations=delete', action: 'codebook.manage', minRole: 'admin', success: 204, prepare: insertAnnotation, blockedWhenArchived: true },
  { method: 'GET', path: '/workspaces/:workspaceId/coding-settings', action: 'content.read', minRole: 'viewer', success: 200, expectBody: (body) => expect(body).toMatchObject({ blindCoding: false, othersHidden: false }) },
  { method: 'PATCH', path: '/workspaces/:workspaceId/coding-settings', action: 'codebook.manage', minRole: 'admin', success: 200, body: () => ({ editorsCreateTags: true }), blockedWhenArchived: true },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/annotations?documentId=:documentId',
    action: 'content.read',
    minRole: 'viewer',
    success: 200,
    prepare: insertAnnotation,
    expectBody: (body, f) => expect(body.annotations.map((annotation: { id: string }) => annotation.id)).toEqual([f.extra.annotationId]),
  },
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/annotations',
    action: 'annotations.create',
    minRole: 'editor',
    success: 201,
    prepare: insertTag,
    body: (f) => ({ documentId: f.documentId, start: 0, end: 3, tagIds: [f.extra.tagId] }),
    blockedWhenArchived: true,
  },
  {
    method: 'PATCH',
    path: '/workspaces/:workspaceId/annotations/:annotationId',
    action: 'annotations.create',
    minRole: 'editor',
    success: 200,
    prepare: insertAnnotation,
    body: () => ({ memo: 'Typical of the genre.' }),
    blockedWhenArchived: true,
    exceptions: { editor: { status: 403, message: OWN_ANNOTATIONS_ONLY('change') } },
  },
  {
    method: 'DELETE',
    path: '/workspaces/:workspaceId/annotations/:annotationId',
    action: 'annotations.create',
    minRole: 'editor',
    success: 204,
    prepare: insertAnnotation,
    blockedWhenArchived: true,
    exceptions: { editor: { status: 403, message: OWN_ANNOTATIONS_ONLY('delete') } },
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/coded-segments?tagId=:tagId',
    action: 'content.read',
    minRole: 'viewer',
    success: 200,
    prepare: insertAnnotation,
    expectBody: (body, f) => expect(body.segments.map((segment: { annotationId: string }) => segment.annotationId)).toEqual([f.extra.annotationId]),
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/tag-frequencies',
    action: 'content.read',
    minRole: 'viewer',
    success: 200,
    prepare: insertAnnotation,
    expectBody: (body, f) => expect(body.byDocument).toEqual([{ tagId: f.extra.tagId, documentId: f.documentId, annotations: 1 }]),
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/tag-co-occurrence',
    action: 'content.read',
    minRole: 'viewer',
    success: 200,
    prepare: insertAnnotation,
    expectBody: (body, f) => expect(body.tags).toEqual([{ tagId: f.extra.tagId, passages: 1 }]),
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/agreement?analysts=:analystA,:analystB',
    action: 'content.read',
    minRole: 'viewer',
    success: 200,
    prepare: insertAnnotation,
    expectBody: (body, f) => expect(body).toMatchObject({ analysts: [f.extra.analystA, f.extra.analystB], documents: 1, tags: [{ tagId: f.extra.tagId }] }),
  },
];

async function insertTag(app: TestApp, f: RouteFixtures): Promise<void> {
  const rows = (await app.dataSource.query(`INSERT INTO tags (workspace_id, name, color) VALUES ($1, 'Regime insecurity', 'orange') RETURNING id`, [f.workspaceId])) as { id: string }[];
  f.extra.tagId = rows[0]!.id;
}

async function insertTwoTags(app: TestApp, f: RouteFixtures): Promise<void> {
  await insertTag(app, f);
  const rows = (await app.dataSource.query(`INSERT INTO tags (workspace_id, name, color, position) VALUES ($1, 'Nationalism', 'sky', 1) RETURNING id`, [f.workspaceId])) as { id: string }[];
  f.extra.otherTagId = rows[0]!.id;
}

/** One annotation by the owner (so an editor's change of it is someone else's). */
async function insertAnnotation(app: TestApp, f: RouteFixtures): Promise<void> {
  await insertTag(app, f);
  const rows = (await app.dataSource.query(
    `INSERT INTO annotations (workspace_id, document_id, analyst_id, start, "end", exact, prefix, suffix) VALUES ($1, $2, $3, 0, 3, 'The', '', ' text') RETURNING id`,
    [f.workspaceId, f.documentId, f.cast.owner.id],
  )) as { id: string }[];
  f.extra.annotationId = rows[0]!.id;
  await app.dataSource.query(`INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ($1, $2)`, [f.extra.annotationId, f.extra.tagId]);
  f.extra.analystA = f.cast.owner.id;
  f.extra.analystB = f.cast.editor.id;
}
