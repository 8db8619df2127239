/** Instance administration: accounts, workspaces, settings, the instance audit log, health. */
import type {
  AdminAuditPage,
  AdminDeleteWorkspaceBody,
  AdminHealth,
  AdminInstanceSettings,
  AdminSetupBody,
  AdminTransferWorkspaceBody,
  AdminUser,
  AdminUserFilter,
  AdminUserList,
  AdminUserMemberships,
  AdminWorkspace,
  AdminWorkspaceList,
  AdminWorkspaceQuery,
  InstanceAuditAction,
  RemoveUserBody,
  UpdateInstanceSettingsBody,
  UpdateUserRoleBody,
  UpdateUserStatusBody,
} from '@marginalia/shared';
import { api } from '../../lib/api-client';

export interface AuditFilters {
  person?: string | undefined;
  action?: InstanceAuditAction | undefined;
  /** ISO instants. */
  from?: string | undefined;
  to?: string | undefined;
}

export const adminKeys = {
  all: ['admin'] as const,
  users: ['admin', 'users'] as const,
  userList: (q: string, filter: AdminUserFilter) => ['admin', 'users', 'list', q, filter] as const,
  memberships: (userId: string) => ['admin', 'users', userId, 'memberships'] as const,
  workspaces: ['admin', 'workspaces'] as const,
  workspaceList: (query: AdminWorkspaceQuery) => ['admin', 'workspaces', query] as const,
  settings: ['admin', 'settings'] as const,
  audit: (filters: AuditFilters) => ['admin', 'audit', filters] as const,
  health: ['admin', 'health'] as const,
};

const userPath = (userId: string) => `/admin/users/${encodeURIComponent(userId)}`;
const workspacePath = (workspaceId: string) => `/admin/workspaces/${encodeURIComponent(workspaceId)}`;

export const listUsers = async (q = '', filter: AdminUserFilter = 'all') => (await api.get<AdminUserList>('/admin/users', { query: { q: q || undefined, filter } })).users;
export const setUserDisabled = (userId: string, disabled: boolean) => api.patch<AdminUser>(userPath(userId), { disabled } satisfies UpdateUserStatusBody);
export const setUserAdmin = (userId: string, isInstanceAdmin: boolean) => api.patch<AdminUser>(`${userPath(userId)}/role`, { isInstanceAdmin } satisfies UpdateUserRoleBody);
export const listMemberships = async (userId: string) => (await api.get<AdminUserMemberships>(`${userPath(userId)}/memberships`)).memberships;
export const removeUser = (userId: string, body: RemoveUserBody) => api.post<undefined>(`${userPath(userId)}/remove`, body);

export const listWorkspaces = async (query: AdminWorkspaceQuery) =>
  (await api.get<AdminWorkspaceList>('/admin/workspaces', { query: { q: query.q || undefined, state: query.state, sort: query.sort, direction: query.direction } })).workspaces;
export const archiveWorkspace = (workspaceId: string, archived: boolean) => api.post<AdminWorkspace>(`${workspacePath(workspaceId)}/${archived ? 'archive' : 'restore'}`);
export const deleteWorkspace = (workspaceId: string, body: AdminDeleteWorkspaceBody) => api.post<undefined>(`${workspacePath(workspaceId)}/delete`, body);
export const transferWorkspace = (workspaceId: string, body: AdminTransferWorkspaceBody) => api.post<AdminWorkspace>(`${workspacePath(workspaceId)}/transfer-ownership`, body);
export const addMeAsOwner = (workspaceId: string) => api.post<AdminWorkspace>(`${workspacePath(workspaceId)}/add-me-as-owner`);

export const getSettings = async () => (await api.get<AdminInstanceSettings>('/admin/settings')).settings;
export const updateSettings = async (body: UpdateInstanceSettingsBody) => (await api.patch<AdminInstanceSettings>('/admin/settings', body)).settings;

function auditQuery(filters: AuditFilters): Record<string, string | undefined> {
  return { person: filters.person || undefined, action: filters.action, from: filters.from, to: filters.to };
}
export const getAuditPage = (filters: AuditFilters, cursor?: string) => api.get<AdminAuditPage>('/admin/audit', { query: { ...auditQuery(filters), cursor } });
/** The CSV export's address: a plain link downloads it (the session cookie goes along). */
export function auditCsvUrl(filters: AuditFilters): string {
  const params = new URLSearchParams(Object.entries(auditQuery(filters)).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const query = params.toString();
  return `/api/admin/audit.csv${query ? `?${query}` : ''}`;
}

export const getHealth = () => api.get<AdminHealth>('/admin/health');

/** The one-time link printed at start-up while the instance has no admin. */
export const claimAdminSetup = (token: string) => api.post<undefined>('/auth/admin-setup', { token } satisfies AdminSetupBody);
