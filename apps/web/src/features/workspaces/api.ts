/** Workspaces the signed-in user belongs to, and the owner/admin operations on one. */
import type { CreateWorkspaceBody, TransferOwnershipBody, UpdateWorkspaceBody, Workspace, WorkspaceList } from '@marginalia/shared';
import { api } from '../../lib/api-client';

/** Everything about one workspace sits under ['workspaces', id], so one invalidation refreshes it all. */
export const workspaceKeys = {
  all: ['workspaces'] as const,
  list: () => [...workspaceKeys.all, 'list'] as const,
  detail: (workspaceId: string) => [...workspaceKeys.all, workspaceId] as const,
};

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;

export const listWorkspaces = async () => (await api.get<WorkspaceList>('/workspaces')).workspaces;
export const getWorkspace = (workspaceId: string) => api.get<Workspace>(base(workspaceId));
export const createWorkspace = (body: CreateWorkspaceBody) => api.post<Workspace>('/workspaces', body);
export const updateWorkspace = (workspaceId: string, body: UpdateWorkspaceBody) => api.patch<Workspace>(base(workspaceId), body);
export const archiveWorkspace = (workspaceId: string) => api.post<Workspace>(`${base(workspaceId)}/archive`);
export const unarchiveWorkspace = (workspaceId: string) => api.post<Workspace>(`${base(workspaceId)}/unarchive`);
export const transferOwnership = (workspaceId: string, body: TransferOwnershipBody) => api.post<Workspace>(`${base(workspaceId)}/transfer-ownership`, body);
export const deleteWorkspace = (workspaceId: string) => api.delete(base(workspaceId));
