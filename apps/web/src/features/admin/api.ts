/** Instance administration: every account on this server, and disabling one. */
import type { AdminUser, AdminUserList, UpdateUserStatusBody } from '@marginalia/shared';
import { api } from '../../lib/api-client';

export const adminKeys = {
  users: ['admin', 'users'] as const,
};

export const listUsers = async () => (await api.get<AdminUserList>('/admin/users')).users;
export const setUserDisabled = (userId: string, disabled: boolean) =>
  api.patch<AdminUser>(`/admin/users/${encodeURIComponent(userId)}`, { disabled } satisfies UpdateUserStatusBody);
