/** The export formats the API offers, and the download address of one export. */
import { API_PREFIX, type ExportFormatList } from '@marginalia/shared';
import { api } from '../../lib/api-client';

export const exportKeys = { formats: ['export-formats'] as const };

export const listExportFormats = async () => (await api.get<ExportFormatList>('/export-formats')).formats;

/** A plain GET the browser downloads itself (the session cookie authorises it; the server sends it as an attachment). */
export function exportUrl(workspaceId: string, formatId: string, options: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(options).filter(([, value]) => value !== ''));
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `/${API_PREFIX}/workspaces/${encodeURIComponent(workspaceId)}/exports/${encodeURIComponent(formatId)}${search}`;
}
