/**
 * The export formats the API offers, the download address of one export, and background
 * export jobs (queue, follow, download, delete).
 */
import { API_PREFIX, type CreateExportJobBody, type ExportFormatList, type ExportJob, type ExportSize } from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const exportKeys = {
  formats: ['export-formats'] as const,
  all: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'exports'] as const,
  jobs: (workspaceId: string) => [...exportKeys.all(workspaceId), 'jobs'] as const,
  size: (workspaceId: string, documents: string) => [...exportKeys.all(workspaceId), 'size', documents] as const,
};

export const listExportFormats = async () => (await api.get<ExportFormatList>('/export-formats')).formats;

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;

/** A plain GET the browser downloads itself (the session cookie authorises it; the server sends it as an attachment). */
export function exportUrl(workspaceId: string, formatId: string, options: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(options).filter(([, value]) => value !== ''));
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `/${API_PREFIX}${base(workspaceId)}/exports/${encodeURIComponent(formatId)}${search}`;
}

/** The size of an export narrowed to these documents (all when empty), and whether it must run in the background. */
export const getExportSize = (workspaceId: string, documents: readonly string[]) =>
  api.get<ExportSize>(`${base(workspaceId)}/export-size${documents.length > 0 ? `?documents=${documents.join(',')}` : ''}`);

export const listExportJobs = async (workspaceId: string) => (await api.get<{ jobs: ExportJob[] }>(`${base(workspaceId)}/export-jobs`)).jobs;
export const createExportJob = (workspaceId: string, body: CreateExportJobBody) => api.post<ExportJob>(`${base(workspaceId)}/export-jobs`, body);
export const deleteExportJob = (workspaceId: string, jobId: string) => api.delete<void>(`${base(workspaceId)}/export-jobs/${encodeURIComponent(jobId)}`);

export function exportJobDownloadUrl(workspaceId: string, jobId: string): string {
  return `/${API_PREFIX}${base(workspaceId)}/export-jobs/${encodeURIComponent(jobId)}/download`;
}

export function isFinished(job: ExportJob): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}
