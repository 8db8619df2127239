/** Queries and mutations for workspaces; mutations write the answer back into the cache. */
import type { CreateWorkspaceBody, TransferOwnershipBody, UpdateWorkspaceBody, Workspace } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  archiveWorkspace,
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  transferOwnership,
  unarchiveWorkspace,
  updateWorkspace,
  workspaceKeys,
} from '../api';

export function useWorkspaces() {
  return useQuery({ queryKey: workspaceKeys.list(), queryFn: listWorkspaces });
}

const workspaceQuery = (workspaceId: string) => ({ queryKey: workspaceKeys.detail(workspaceId), queryFn: () => getWorkspace(workspaceId) });

export function useWorkspace(workspaceId: string) {
  return useQuery(workspaceQuery(workspaceId));
}

/** Started by the router when a workspace's address is opened, beside the session request the shell waits for first. */
export function prefetchWorkspace(queryClient: QueryClient, workspaceId: string): void {
  void queryClient.prefetchQuery(workspaceQuery(workspaceId));
}

async function storeWorkspace(queryClient: QueryClient, workspace: Workspace): Promise<void> {
  queryClient.setQueryData(workspaceKeys.detail(workspace.id), workspace);
  await queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWorkspaceBody) => createWorkspace(body),
    onSuccess: (workspace) => storeWorkspace(queryClient, workspace),
  });
}

export function useUpdateWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWorkspaceBody) => updateWorkspace(workspaceId, body),
    onSuccess: (workspace) => storeWorkspace(queryClient, workspace),
  });
}

export function useSetArchived(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => (archived ? archiveWorkspace(workspaceId) : unarchiveWorkspace(workspaceId)),
    onSuccess: (workspace) => storeWorkspace(queryClient, workspace),
  });
}

export function useTransferOwnership(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransferOwnershipBody) => transferOwnership(workspaceId, body),
    // Roles changed on both sides: refresh members and audit too, not just the workspace.
    onSuccess: async (workspace) => {
      queryClient.setQueryData(workspaceKeys.detail(workspaceId), workspace);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}

/** Like leaving: move off the workspace's screens before its cached data is dropped. */
export function useDeleteWorkspace(workspaceId: string, onDeleted?: () => void) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => deleteWorkspace(workspaceId),
    onSuccess: async () => {
      onDeleted?.();
      await navigate('/workspaces', { replace: true });
      queryClient.removeQueries({ queryKey: workspaceKeys.detail(workspaceId) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    },
  });
}
