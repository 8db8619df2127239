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
    path: '/workspaces/:workspaceId/exports/:format?documents=:documentId',
    action: 'workspace.export',
    minRole: 'editor',
    success: 200,
    // One row per route; the format is a parameter (the CSV is the cheapest to check).
    prepare: async (_app, f) => {
      f.extra.format = 'csv';
    },
    expectBody: (body) => expect(String(body).split('\r\n')[0]).toMatch(/^document_title,document_id,start,end,quote,tag_path/),
  },
];
