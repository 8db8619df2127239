/** Accounts: the filtered list, a user's workspaces, and the changes an admin makes. */
import type { AdminUserFilter, RemoveUserBody } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys, listMemberships, listUsers, removeUser, setUserAdmin, setUserDisabled } from '../api';

export function useAdminUsers(enabled: boolean, q = '', filter: AdminUserFilter = 'all') {
  return useQuery({ queryKey: adminKeys.userList(q, filter), queryFn: () => listUsers(q, filter), enabled, placeholderData: (previous) => previous });
}

export function useUserMemberships(userId: string | null) {
  return useQuery({ queryKey: adminKeys.memberships(userId ?? ''), queryFn: () => listMemberships(userId ?? ''), enabled: userId !== null });
}

/** Any account change can move users between filters and change the workspaces overview. */
function useInvalidateAdmin() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
}

export function useSetUserDisabled() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ userId, disabled }: { userId: string; disabled: boolean }) => setUserDisabled(userId, disabled),
    onSuccess: invalidate,
  });
}

export function useSetUserAdmin() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ userId, isInstanceAdmin }: { userId: string; isInstanceAdmin: boolean }) => setUserAdmin(userId, isInstanceAdmin),
    onSuccess: invalidate,
  });
}

export function useRemoveUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: RemoveUserBody }) => removeUser(userId, body),
    onSuccess: invalidate,
  });
}
