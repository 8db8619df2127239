/** Document queries; a document's text does not change, so it is kept fresh for a long time. */
import { useQuery } from '@tanstack/react-query';
import { documentKeys, getDocument, listDocuments } from '../api';

export function useDocuments(workspaceId: string) {
  return useQuery({ queryKey: documentKeys.list(workspaceId), queryFn: () => listDocuments(workspaceId) });
}

export function useDocument(workspaceId: string, documentId: string) {
  return useQuery({ queryKey: documentKeys.detail(workspaceId, documentId), queryFn: () => getDocument(workspaceId, documentId), staleTime: 10 * 60_000 });
}
