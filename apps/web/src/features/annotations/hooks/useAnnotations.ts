/**
 * Annotation queries. `useDocumentAnnotations` is the reader layer's one query per document:
 * annotations in document order with their analysts, kept current by workspace events.
 */
import type { CreateAnnotationBody, TagStatisticsQuery, UpdateAnnotationBody } from '@marginalia/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCurrentWorkspace } from '../../workspaces';
import {
  annotationKeys,
  createAnnotation,
  deleteAnnotation,
  getAgreement,
  getTagCoOccurrence,
  getTagFrequencies,
  listCodedSegments,
  listDocumentAnnotations,
  updateAnnotation,
  type AgreementParams,
  type SegmentsQuery,
} from '../api';

export function useDocumentAnnotations(documentId: string) {
  const workspace = useCurrentWorkspace();
  return useQuery({ queryKey: annotationKeys.document(workspace.id, documentId), queryFn: () => listDocumentAnnotations(workspace.id, documentId) });
}

/** What useDocumentAnnotations loads, started early (the reader calls it with the document's request). */
export function prefetchDocumentAnnotations(queryClient: QueryClient, workspaceId: string, documentId: string): void {
  void queryClient.prefetchQuery({ queryKey: annotationKeys.document(workspaceId, documentId), queryFn: () => listDocumentAnnotations(workspaceId, documentId) });
}

export function useCodedSegments(workspaceId: string, query: SegmentsQuery | null) {
  return useQuery({
    queryKey: annotationKeys.segments(workspaceId, query ?? { tagId: '', includeSubtags: true }),
    queryFn: () => listCodedSegments(workspaceId, query as SegmentsQuery),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTagFrequencies(workspaceId: string, query: TagStatisticsQuery = {}) {
  return useQuery({ queryKey: annotationKeys.frequencies(workspaceId, query), queryFn: () => getTagFrequencies(workspaceId, query) });
}

export function useTagCoOccurrence(workspaceId: string, query: TagStatisticsQuery = {}) {
  return useQuery({ queryKey: annotationKeys.coOccurrence(workspaceId, query), queryFn: () => getTagCoOccurrence(workspaceId, query) });
}

export function useAgreement(workspaceId: string, params: AgreementParams | null) {
  return useQuery({
    queryKey: annotationKeys.agreement(workspaceId, params ?? { analysts: [] }),
    queryFn: () => getAgreement(workspaceId, params as AgreementParams),
    enabled: params !== null && params.analysts.length >= 2,
    placeholderData: keepPreviousData,
  });
}

function useRefreshAnnotations(workspaceId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: annotationKeys.all(workspaceId) });
  };
}

export function useCreateAnnotation(workspaceId: string) {
  const refresh = useRefreshAnnotations(workspaceId);
  return useMutation({ mutationFn: (body: CreateAnnotationBody) => createAnnotation(workspaceId, body), onSuccess: refresh });
}

export function useUpdateAnnotation(workspaceId: string) {
  const refresh = useRefreshAnnotations(workspaceId);
  return useMutation({
    mutationFn: ({ annotationId, body }: { annotationId: string; body: UpdateAnnotationBody }) => updateAnnotation(workspaceId, annotationId, body),
    onSuccess: refresh,
  });
}

export function useDeleteAnnotation(workspaceId: string) {
  const refresh = useRefreshAnnotations(workspaceId);
  return useMutation({ mutationFn: (annotationId: string) => deleteAnnotation(workspaceId, annotationId), onSuccess: refresh });
}
