/** The users table and enabling/disabling an account. */
import type { AdminUser } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys, listUsers, setUserDisabled } from '../api';

export function useAdminUsers(enabled: boolean) {
  return useQuery({ queryKey: adminKeys.users, queryFn: listUsers, enabled });
}

export function useSetUserDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, disabled }: { userId: string; disabled: boolean }) => setUserDisabled(userId, disabled),
    onSuccess: (saved) => {
      queryClient.setQueryData<AdminUser[]>(adminKeys.users, (users) => users?.map((user) => (user.id === saved.id ? saved : user)));
    },
  });
}
