/** Map list queries and mutations; every mutation refreshes everything under the maps key. */
import type { DuplicateArgumentMapBody, UpdateArgumentMapBody } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createMap, deleteMap, duplicateMap, getMap, listDocumentCitations, listMaps, mapKeys, updateMap } from '../api';

export function useMaps(workspaceId: string, includeArchived = false) {
  return useQuery({ queryKey: mapKeys.list(workspaceId, includeArchived), queryFn: () => listMaps(workspaceId, includeArchived) });
}

const mapQuery = (workspaceId: string, mapId: string) => ({ queryKey: mapKeys.detail(workspaceId, mapId), queryFn: () => getMap(workspaceId, mapId) });

export function useMap(workspaceId: string, mapId: string) {
  return useQuery(mapQuery(workspaceId, mapId));
}

/**
 * Started by the router as soon as a map's address is opened, beside the session and workspace
 * requests: the map page needs the map's docName before it can join its document, and would
 * otherwise ask only once the workspace shell has rendered.
 */
export function prefetchMap(queryClient: QueryClient, workspaceId: string, mapId: string): void {
  void queryClient.prefetchQuery(mapQuery(workspaceId, mapId));
}

export function useDocumentCitations(workspaceId: string, documentId: string) {
  return useQuery({ queryKey: mapKeys.citations(workspaceId, documentId), queryFn: () => listDocumentCitations(workspaceId, documentId) });
}

/** Started by the reader as it loads a document, beside the document's own request. */
export function prefetchDocumentCitations(queryClient: QueryClient, workspaceId: string, documentId: string): void {
  void queryClient.prefetchQuery({ queryKey: mapKeys.citations(workspaceId, documentId), queryFn: () => listDocumentCitations(workspaceId, documentId) });
}

function useRefreshMaps(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mapKeys.all(workspaceId) });
}

export function useCreateMap(workspaceId: string) {
  const refresh = useRefreshMaps(workspaceId);
  return useMutation({ mutationFn: (title: string) => createMap(workspaceId, { title }), onSuccess: refresh });
}

export function useUpdateMap(workspaceId: string) {
  const refresh = useRefreshMaps(workspaceId);
  return useMutation({
    mutationFn: ({ mapId, body }: { mapId: string; body: UpdateArgumentMapBody }) => updateMap(workspaceId, mapId, body),
    onSuccess: refresh,
  });
}

export function useDuplicateMap(workspaceId: string) {
  const refresh = useRefreshMaps(workspaceId);
  return useMutation({
    mutationFn: ({ mapId, body }: { mapId: string; body: DuplicateArgumentMapBody }) => duplicateMap(workspaceId, mapId, body),
    onSuccess: refresh,
  });
}

export function useDeleteMap(workspaceId: string) {
  const refresh = useRefreshMaps(workspaceId);
  return useMutation({ mutationFn: (mapId: string) => deleteMap(workspaceId, mapId), onSuccess: refresh });
}
