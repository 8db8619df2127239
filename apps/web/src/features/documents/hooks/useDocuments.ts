/**
 * Document queries and mutations. A document's text never changes after import, so details
 * stay fresh for long; metadata edits write the answer straight into the cache.
 */
import type { DocumentDetail, DocumentListQuery, UpdateDocumentBody } from '@marginalia/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { workspaceKeys } from '../../workspaces';
import { deleteDocument, documentKeys, getDocument, listDocuments, updateDocument } from '../api';

export function useDocuments(workspaceId: string, query: DocumentListQuery = {}) {
  return useQuery({
    queryKey: documentKeys.list(workspaceId, query),
    queryFn: () => listDocuments(workspaceId, query),
    // Changing a filter keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useDocument(workspaceId: string, documentId: string) {
  return useQuery({
    queryKey: documentKeys.detail(workspaceId, documentId),
    queryFn: () => getDocument(workspaceId, documentId),
    staleTime: 10 * 60_000,
  });
}

export function useUpdateDocument(workspaceId: string, documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDocumentBody) => updateDocument(workspaceId, documentId, body),
    onSuccess: async (saved: DocumentDetail) => {
      queryClient.setQueryData(documentKeys.detail(workspaceId, documentId), saved);
      await queryClient.invalidateQueries({ queryKey: documentKeys.lists(workspaceId) });
    },
  });
}

/**
 * Deleting cascades to attributions and search hits, and changes actor counts: everything under
 * the workspace is refreshed. The screen moves away first (`onDeleted`), so the reader does not
 * refetch the document it was showing and flash a 404.
 */
export function useDeleteDocument(workspaceId: string, documentId: string, onDeleted?: () => Promise<void> | void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteDocument(workspaceId, documentId),
    onSuccess: async () => {
      await onDeleted?.();
      // Whatever is keyed by the document (its detail, its attributions) would only answer 404 now.
      queryClient.removeQueries({ predicate: (query) => query.queryKey.includes(documentId) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(workspaceId) });
    },
  });
}

/** Imports add documents: every list is out of date. */
export function useInvalidateDocumentLists(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: documentKeys.lists(workspaceId) });
}
