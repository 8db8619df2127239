/**
 * Codebook queries and changes. A change to a tag can change annotations too (merge, delete,
 * a reveal), so every mutation refreshes both; other members learn of it by workspace events.
 */
import type { CreateTagBody, DeleteTagQuery, MoveTagBody, UpdateCodingSettingsBody, UpdateTagBody } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { annotationKeys } from '../../annotations/api';
import { codebookKeys, createTag, deleteTag, getCodingSettings, listTags, mergeTag, moveTag, updateCodingSettings, updateTag } from '../api';

export function useTags(workspaceId: string) {
  return useQuery({ queryKey: codebookKeys.tags(workspaceId), queryFn: () => listTags(workspaceId) });
}

export function useCodingSettings(workspaceId: string) {
  return useQuery({ queryKey: codebookKeys.settings(workspaceId), queryFn: () => getCodingSettings(workspaceId) });
}

function useRefreshCodebook(workspaceId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: codebookKeys.all(workspaceId) }),
      queryClient.invalidateQueries({ queryKey: annotationKeys.all(workspaceId) }),
    ]);
  };
}

export function useCreateTag(workspaceId: string) {
  const refresh = useRefreshCodebook(workspaceId);
  return useMutation({ mutationFn: (body: CreateTagBody) => createTag(workspaceId, body), onSuccess: refresh });
}

export function useUpdateTag(workspaceId: string) {
  const refresh = useRefreshCodebook(workspaceId);
  return useMutation({ mutationFn: ({ tagId, body }: { tagId: string; body: UpdateTagBody }) => updateTag(workspaceId, tagId, body), onSuccess: refresh });
}

export function useMoveTag(workspaceId: string) {
  const refresh = useRefreshCodebook(workspaceId);
  return useMutation({ mutationFn: ({ tagId, body }: { tagId: string; body: MoveTagBody }) => moveTag(workspaceId, tagId, body), onSuccess: refresh });
}

export function useMergeTag(workspaceId: string) {
  const refresh = useRefreshCodebook(workspaceId);
  return useMutation({ mutationFn: ({ tagId, intoTagId }: { tagId: string; intoTagId: string }) => mergeTag(workspaceId, tagId, intoTagId), onSuccess: refresh });
}

export function useDeleteTag(workspaceId: string) {
  const refresh = useRefreshCodebook(workspaceId);
  return useMutation({ mutationFn: ({ tagId, query }: { tagId: string; query: DeleteTagQuery }) => deleteTag(workspaceId, tagId, query), onSuccess: refresh });
}

export function useUpdateCodingSettings(workspaceId: string) {
  const refresh = useRefreshCodebook(workspaceId);
  return useMutation({ mutationFn: (body: UpdateCodingSettingsBody) => updateCodingSettings(workspaceId, body), onSuccess: refresh });
}
