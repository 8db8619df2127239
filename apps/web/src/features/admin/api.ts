/** Instance administration: every account on this server, and disabling one. */
import type { AdminSetupBody, AdminUser, AdminUserList, UpdateUserStatusBody } from '@marginalia/shared';
import { api } from '../../lib/api-client';

export const adminKeys = {
  users: ['admin', 'users'] as const,
};

export const listUsers = async () => (await api.get<AdminUserList>('/admin/users')).users;
export const setUserDisabled = (userId: string, disabled: boolean) =>
  api.patch<AdminUser>(`/admin/users/${encodeURIComponent(userId)}`, { disabled } satisfies UpdateUserStatusBody);

/** The one-time link printed at start-up while the instance has no admin. */
export const claimAdminSetup = (token: string) => api.post<undefined>('/auth/admin-setup', { token } satisfies AdminSetupBody);
