/** The workspace audit log, newest first, paged by time. */
import type { AuditList } from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  log: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'audit'] as const,
};

export const listAuditEntries = async (workspaceId: string, before: string | undefined) =>
  (await api.get<AuditList>(`/workspaces/${encodeURIComponent(workspaceId)}/audit`, { query: { limit: AUDIT_PAGE_SIZE, before } })).entries;
