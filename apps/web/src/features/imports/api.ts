/**
 * Imports run as jobs on the server: a POST answers 202 with the job, which is then polled
 * until it has succeeded or failed. Files go as multipart; pasted text as JSON.
 */
import type { ImportJob, PasteDocumentBody } from '@marginalia/shared';
import { api, uploadForm, type UploadOptions } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const importKeys = {
  all: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'imports'] as const,
  list: (workspaceId: string) => [...importKeys.all(workspaceId), 'list'] as const,
  job: (workspaceId: string, jobId: string) => [...importKeys.all(workspaceId), 'job', jobId] as const,
};

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/imports`;

export const listImportJobs = async (workspaceId: string) => (await api.get<{ jobs: ImportJob[] }>(base(workspaceId))).jobs;
export const getImportJob = (workspaceId: string, jobId: string) => api.get<ImportJob>(`${base(workspaceId)}/${encodeURIComponent(jobId)}`);

export function uploadFiles(workspaceId: string, files: readonly File[], options?: UploadOptions): Promise<ImportJob> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return uploadForm<ImportJob>(base(workspaceId), form, options);
}

export const importPastedText = (workspaceId: string, body: PasteDocumentBody) => api.post<ImportJob>(base(workspaceId), body);

export function isFinished(job: ImportJob): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}
