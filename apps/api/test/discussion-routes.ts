/**
 * The discussion routes, as rows of the workspace route table (workspace-routes.ts): the
 * access-matrix and isolation tests run each against every caller.
 */
import { expect } from '@jest/globals';
import type { TestApp } from './create-test-app.js';
import type { RouteFixtures, WorkspaceRoute } from './workspace-routes.js';

export const OWN_COMMENTS_ONLY_DELETE = "you can delete only your own comments; admins can delete anyone's";

export const DISCUSSION_ROUTES: readonly WorkspaceRoute[] = [
  { method: 'GET', path: '/workspaces/:workspaceId/threads', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertThread, expectBody: (body, f) => expect(body.threads.map((thread: { id: string }) => thread.id)).toEqual([f.extra.threadId]) },
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/threads',
    action: 'comments.create',
    minRole: 'commenter',
    success: 201,
    body: (f) => ({ anchor: { kind: 'text', documentId: f.documentId, start: 0, end: 3 }, body: 'Is this **really** the reason?' }),
    blockedWhenArchived: true,
  },
  { method: 'GET', path: '/workspaces/:workspaceId/threads/:threadId', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertThread, expectBody: (body, f) => expect(body.thread.id).toBe(f.extra.threadId) },
  { method: 'POST', path: '/workspaces/:workspaceId/threads/:threadId/resolve', action: 'comments.create', minRole: 'commenter', success: 200, prepare: insertThread, blockedWhenArchived: true },
  { method: 'POST', path: '/workspaces/:workspaceId/threads/:threadId/reopen', action: 'comments.create', minRole: 'commenter', success: 200, prepare: insertResolvedThread, blockedWhenArchived: true },
  { method: 'POST', path: '/workspaces/:workspaceId/threads/:threadId/read', action: 'content.read', minRole: 'viewer', success: 204, prepare: insertThread },
  { method: 'POST', path: '/workspaces/:workspaceId/threads/:threadId/comments', action: 'comments.create', minRole: 'commenter', success: 201, prepare: insertThread, body: () => ({ body: 'Agreed.' }), blockedWhenArchived: true },
  {
    method: 'PATCH',
    path: '/workspaces/:workspaceId/threads/:threadId/comments/:commentId',
    action: 'comments.create',
    minRole: 'commenter',
    success: 200,
    prepare: insertThread,
    body: () => ({ body: 'Reworded.' }),
    blockedWhenArchived: true,
    // Only the author edits: the owner wrote it, so everyone else is refused.
    exceptions: Object.fromEntries((['admin', 'editor', 'commenter'] as const).map((role) => [role, { status: 403, message: 'you can edit only your own comments' }])),
  },
  {
    method: 'DELETE',
    path: '/workspaces/:workspaceId/threads/:threadId/comments/:commentId',
    action: 'comments.create',
    minRole: 'commenter',
    success: 204,
    prepare: insertThread,
    blockedWhenArchived: true,
    exceptions: { editor: { status: 403, message: OWN_COMMENTS_ONLY_DELETE }, commenter: { status: 403, message: OWN_COMMENTS_ONLY_DELETE } },
  },
  { method: 'GET', path: '/workspaces/:workspaceId/threads/:threadId/comments/:commentId/history', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertThread, expectBody: (body) => expect(body.revisions).toHaveLength(1) },
];

/** A thread on the workspace by the owner, with its first comment. */
async function insertThread(app: TestApp, f: RouteFixtures): Promise<void> {
  const [thread] = (await app.dataSource.query(`INSERT INTO threads (workspace_id, anchor_kind, label, created_by) VALUES ($1, 'workspace', 'Field notes', $2) RETURNING id`, [f.workspaceId, f.cast.owner.id])) as { id: string }[];
  const [comment] = (await app.dataSource.query(`INSERT INTO comments (thread_id, workspace_id, author_id, body) VALUES ($1, $2, $3, 'Where do we start?') RETURNING id`, [thread!.id, f.workspaceId, f.cast.owner.id])) as { id: string }[];
  f.extra.threadId = thread!.id;
  f.extra.commentId = comment!.id;
}

async function insertResolvedThread(app: TestApp, f: RouteFixtures): Promise<void> {
  await insertThread(app, f);
  await app.dataSource.query(`UPDATE threads SET resolved_at = now(), resolved_by = $2 WHERE id = $1`, [f.extra.threadId, f.cast.owner.id]);
}
