/** The signed-in person's inbox of mentions and replies, across workspaces. */
import type { MarkNotificationsReadBody } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSignedInUser } from '../../auth';
import { listNotifications, markNotificationsRead, notificationKeys } from '../api';

export function useNotifications() {
  const me = useSignedInUser();
  // Outside a workspace no events arrive: a minute's polling keeps the count roughly current.
  return useQuery({ queryKey: notificationKeys.mine(me.id), queryFn: listNotifications, refetchInterval: 60_000 });
}

export function useMarkNotificationsRead() {
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkNotificationsReadBody) => markNotificationsRead(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.mine(me.id) }),
  });
}
