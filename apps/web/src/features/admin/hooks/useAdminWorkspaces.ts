/** The workspaces overview and an admin's changes to a workspace. */
import type { AdminWorkspaceQuery } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addMeAsOwner, adminKeys, archiveWorkspace, deleteWorkspace, listWorkspaces, transferWorkspace } from '../api';

export function useAdminWorkspaces(query: AdminWorkspaceQuery) {
  return useQuery({ queryKey: adminKeys.workspaceList(query), queryFn: () => listWorkspaces(query), placeholderData: (previous) => previous });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  // The admin's own workspace list changes too when they join one as owner.
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: adminKeys.all }), queryClient.invalidateQueries({ queryKey: ['workspaces'] })]);
}

export function useArchiveWorkspace() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ workspaceId, archived }: { workspaceId: string; archived: boolean }) => archiveWorkspace(workspaceId, archived), onSuccess: invalidate });
}

export function useDeleteWorkspace() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ workspaceId, confirmName }: { workspaceId: string; confirmName: string }) => deleteWorkspace(workspaceId, { confirmName }), onSuccess: invalidate });
}

export function useTransferWorkspace() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ workspaceId, userId }: { workspaceId: string; userId: string }) => transferWorkspace(workspaceId, { userId }), onSuccess: invalidate });
}

export function useAddMeAsOwner() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (workspaceId: string) => addMeAsOwner(workspaceId), onSuccess: invalidate });
}
