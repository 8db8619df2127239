/**
 * Member and invite queries and mutations. Membership changes touch the member count on the
 * workspace and the audit log too, so they refresh everything under the workspace's key.
 */
import type { AddMemberBody, BulkInviteBody, WorkspaceRole } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { workspaceKeys } from '../../workspaces';
import { addMember, bulkInvite, listInvites, listMembers, memberKeys, removeMember, resendInvite, revokeInvite, updateMemberRole } from '../api';

export function useMembers(workspaceId: string) {
  return useQuery({ queryKey: memberKeys.members(workspaceId), queryFn: () => listMembers(workspaceId) });
}

export function useInvites(workspaceId: string, enabled: boolean) {
  return useQuery({ queryKey: memberKeys.invites(workspaceId), queryFn: () => listInvites(workspaceId), enabled });
}

function useRefreshWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(workspaceId) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.list() }),
    ]);
  };
}

export function useAddMember(workspaceId: string) {
  const refresh = useRefreshWorkspace(workspaceId);
  return useMutation({ mutationFn: (body: AddMemberBody) => addMember(workspaceId, body), onSuccess: refresh });
}

export function useBulkInvite(workspaceId: string) {
  const refresh = useRefreshWorkspace(workspaceId);
  return useMutation({ mutationFn: (body: BulkInviteBody) => bulkInvite(workspaceId, body), onSuccess: refresh });
}

export function useResendInvite(workspaceId: string) {
  const refresh = useRefreshWorkspace(workspaceId);
  return useMutation({ mutationFn: (inviteId: string) => resendInvite(workspaceId, inviteId), onSuccess: refresh });
}

export function useUpdateMemberRole(workspaceId: string) {
  const refresh = useRefreshWorkspace(workspaceId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: WorkspaceRole }) => updateMemberRole(workspaceId, userId, role),
    onSuccess: refresh,
  });
}

export function useRemoveMember(workspaceId: string) {
  const refresh = useRefreshWorkspace(workspaceId);
  return useMutation({ mutationFn: (userId: string) => removeMember(workspaceId, userId), onSuccess: refresh });
}

/**
 * Leaving drops the whole workspace from the cache: its data is no longer ours to see. The
 * screen moves away first, so nothing still on it refetches the workspace and shows a 404.
 */
export function useLeaveWorkspace(workspaceId: string, onLeft?: () => void) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (myUserId: string) => removeMember(workspaceId, myUserId),
    onSuccess: async () => {
      onLeft?.();
      await navigate('/workspaces', { replace: true });
      queryClient.removeQueries({ queryKey: workspaceKeys.detail(workspaceId) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    },
  });
}

export function useRevokeInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) => revokeInvite(workspaceId, inviteId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(workspaceId) }),
  });
}
