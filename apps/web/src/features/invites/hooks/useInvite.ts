/** The preview behind an invite link and accepting it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiRequestError } from '../../../lib/api-client';
import { workspaceKeys } from '../../workspaces';
import { acceptInvite, answerInvitation, getInvitePreview, inviteKeys, listMyInvitations } from '../api';

export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: inviteKeys.preview(token),
    queryFn: () => getInvitePreview(token),
    // 404 and 410 are final answers: the link is unknown, used, revoked or expired.
    retry: (failureCount, error) => !(isApiRequestError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
  });
}

export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => acceptInvite(token),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: inviteKeys.preview(token) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}

export function useMyInvitations() {
  return useQuery({ queryKey: inviteKeys.mine, queryFn: listMyInvitations });
}

export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ inviteId, answer }: { inviteId: string; answer: 'accept' | 'decline' }) => answerInvitation(inviteId, answer),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: inviteKeys.mine }), queryClient.invalidateQueries({ queryKey: workspaceKeys.all })]);
    },
  });
}
