/**
 * The export routes, as rows of the workspace route table (workspace-routes.ts): the
 * access-matrix and isolation tests run each against every caller. Exporting stays allowed in
 * an archived workspace (taking one's data out is what an archive is for).
 */
import { expect } from '@jest/globals';
import type { WorkspaceRoute } from './workspace-routes.js';

export const EXPORT_ROUTES: readonly WorkspaceRoute[] = [
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/exports/json',
    action: 'workspace.export',
    minRole: 'editor',
    success: 200,
    expectBody: (body, f) => expect(body.workspace.id).toBe(f.workspaceId),
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/exports/csv?documents=:documentId',
    action: 'workspace.export',
    minRole: 'editor',
    success: 200,
    expectBody: (body) => expect(String(body).split('\r\n')[0]).toMatch(/^document_title,document_id,start,end,quote,tag_path/),
  },
];
