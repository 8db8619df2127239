/**
 * Actor, candidate and attribution queries. Any change to one can change the others (accepting
 * a candidate creates an actor and attributions; deleting an actor removes its attributions),
 * so mutations refresh everything under the actors key, plus document lists filtered by actor.
 */
import type { AcceptCandidateBody, Attribution, CreateActorBody, CreateAttributionBody, UpdateActorBody } from '@marginalia/shared';
import { useMutation, useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useInvalidateDocumentLists } from '../../documents';
import {
  acceptCandidate,
  actorKeys,
  createActor,
  createAttribution,
  deleteActor,
  deleteAttribution,
  dismissCandidate,
  listDismissedCandidates,
  restoreCandidate,
  listActors,
  listAttributions,
  listPendingCandidates,
  refreshCandidates,
  updateActor,
} from '../api';

export function useActors(workspaceId: string, enabled = true) {
  return useQuery({ queryKey: actorKeys.list(workspaceId), queryFn: () => listActors(workspaceId), enabled });
}

export function usePendingCandidates(workspaceId: string) {
  return useQuery({ queryKey: actorKeys.candidates(workspaceId), queryFn: () => listPendingCandidates(workspaceId) });
}

export function useAttributions(workspaceId: string, documentId: string) {
  return useQuery({ queryKey: actorKeys.attributions(workspaceId, documentId), queryFn: () => listAttributions(workspaceId, documentId) });
}

/**
 * The attributions of several documents at once (say, every document an argument map cites),
 * flattened; each document is its own cached query, shared with the reader's.
 */
export function useAttributionsOf(workspaceId: string, documentIds: readonly string[]) {
  return useQueries({
    queries: documentIds.map((documentId) => ({ queryKey: actorKeys.attributions(workspaceId, documentId), queryFn: () => listAttributions(workspaceId, documentId) })),
    combine: combineAttributions,
  });
}

/** Module-level, so react-query keeps the combined result while no query changes. */
function combineAttributions(results: ReadonlyArray<UseQueryResult<Attribution[]>>) {
  return {
    attributions: results.flatMap((result) => result.data ?? []),
    isPending: results.some((result) => result.isPending),
    error: results.find((result) => result.error)?.error ?? null,
  };
}

function useRefreshActors(workspaceId: string) {
  const queryClient = useQueryClient();
  const invalidateDocuments = useInvalidateDocumentLists(workspaceId);
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: actorKeys.all(workspaceId) }), invalidateDocuments()]);
  };
}

export function useCreateActor(workspaceId: string) {
  const refresh = useRefreshActors(workspaceId);
  return useMutation({ mutationFn: (body: CreateActorBody) => createActor(workspaceId, body), onSuccess: refresh });
}

export function useUpdateActor(workspaceId: string) {
  const refresh = useRefreshActors(workspaceId);
  return useMutation({
    mutationFn: ({ actorId, body }: { actorId: string; body: UpdateActorBody }) => updateActor(workspaceId, actorId, body),
    onSuccess: refresh,
  });
}

export function useDeleteActor(workspaceId: string) {
  const refresh = useRefreshActors(workspaceId);
  return useMutation({ mutationFn: (actorId: string) => deleteActor(workspaceId, actorId), onSuccess: refresh });
}

export function useAcceptCandidate(workspaceId: string) {
  const refresh = useRefreshActors(workspaceId);
  return useMutation({
    mutationFn: ({ candidateId, body }: { candidateId: string; body: AcceptCandidateBody }) => acceptCandidate(workspaceId, candidateId, body),
    onSuccess: refresh,
  });
}

export function useDismissCandidate(workspaceId: string) {
  const refresh = useRefreshActors(workspaceId);
  return useMutation({ mutationFn: (candidateId: string) => dismissCandidate(workspaceId, candidateId), onSuccess: refresh });
}

export function useDismissedCandidates(workspaceId: string) {
  return useQuery({ queryKey: actorKeys.dismissedCandidates(workspaceId), queryFn: () => listDismissedCandidates(workspaceId) });
}

/** Dismissing is not final: a restored candidate waits for a decision again. */
export function useRestoreCandidate(workspaceId: string) {
  const refresh = useRefreshActors(workspaceId);
  return useMutation({ mutationFn: (candidateId: string) => restoreCandidate(workspaceId, candidateId), onSuccess: refresh });
}

export function useRefreshCandidates(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshCandidates(workspaceId),
    onSuccess: async (candidates) => {
      queryClient.setQueryData(
        actorKeys.candidates(workspaceId),
        candidates.filter((candidate) => candidate.status === 'pending'),
      );
      await queryClient.invalidateQueries({ queryKey: actorKeys.list(workspaceId) });
    },
  });
}

export function useCreateAttribution(workspaceId: string, documentId: string) {
  const refresh = useRefreshActors(workspaceId);
  return useMutation({ mutationFn: (body: CreateAttributionBody) => createAttribution(workspaceId, documentId, body), onSuccess: refresh });
}

export function useDeleteAttribution(workspaceId: string) {
  const refresh = useRefreshActors(workspaceId);
  return useMutation({ mutationFn: (attributionId: string) => deleteAttribution(workspaceId, attributionId), onSuccess: refresh });
}
