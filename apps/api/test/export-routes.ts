/**
 * The export routes, as rows of the workspace route table (workspace-routes.ts): the
 * access-matrix and isolation tests run each against every caller. Exporting stays allowed in
 * an archived workspace (taking one's data out is what an archive is for). A background job is
 * seen by the member who asked for it and by owners and admins; the rows' job is the editor's.
 */
import { expect } from '@jest/globals';
import { ExportJobSchema, ExportSizeSchema } from '@marginalia/shared';
import type { TestApp } from './create-test-app.js';
import type { RouteFixtures, WorkspaceRoute } from './workspace-routes.js';
import { ExportFiles } from '../src/modules/exports/export-jobs/export-files.js';

/** A finished background export of the editor's, with its file on disk. */
async function insertExportJob(app: TestApp, f: RouteFixtures): Promise<void> {
  const rows = (await app.dataSource.query(
    `INSERT INTO export_jobs (workspace_id, created_by, format, status, written_bytes, byte_size, file_name, finished_at, expires_at)
     VALUES ($1, $2, 'csv', 'succeeded', 11, 11, 'Interviews.csv', now(), now() + interval '1 hour') RETURNING id`,
    [f.workspaceId, f.cast.editor.id],
  )) as { id: string }[];
  f.extra.jobId = rows[0]!.id;
  await app.get(ExportFiles).write(f.extra.jobId, 'a,b\r\n1,2\r\n', async () => undefined);
}

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
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/export-size?documents=:documentId',
    action: 'workspace.export',
    minRole: 'editor',
    success: 200,
    expectBody: (body) => expect(ExportSizeSchema.parse(body)).toMatchObject({ annotations: 0, background: false }),
  },
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/export-jobs',
    action: 'workspace.export',
    minRole: 'editor',
    success: 202,
    body: () => ({ format: 'csv', parameters: {} }),
    expectBody: (body) => expect(ExportJobSchema.parse(body)).toMatchObject({ format: 'csv', status: expect.stringMatching(/^(queued|running|succeeded)$/) }),
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/export-jobs',
    action: 'workspace.export',
    minRole: 'editor',
    success: 200,
    prepare: insertExportJob,
    expectBody: (body, f) => expect(body.jobs.map((job: { id: string }) => job.id)).toEqual([f.extra.jobId]),
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/export-jobs/:jobId',
    action: 'workspace.export',
    minRole: 'editor',
    success: 200,
    prepare: insertExportJob,
    expectBody: (body, f) => expect(ExportJobSchema.parse(body)).toMatchObject({ id: f.extra.jobId, status: 'succeeded', byteSize: 11 }),
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/export-jobs/:jobId/download',
    action: 'workspace.export',
    minRole: 'editor',
    success: 200,
    prepare: insertExportJob,
    expectBody: (body) => expect(body).toBe('a,b\r\n1,2\r\n'),
  },
  { method: 'DELETE', path: '/workspaces/:workspaceId/export-jobs/:jobId', action: 'workspace.export', minRole: 'editor', success: 204, prepare: insertExportJob },
];
