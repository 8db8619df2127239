/**
 * The documents of a workspace's corpus: list (sorted, filtered), read, edit metadata, delete.
 * Every corpus screen reads documents through here; the keys sit under the workspace's key.
 */
import type { DocumentDetail, DocumentList, DocumentListQuery, UpdateDocumentBody } from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const documentKeys = {
  all: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'documents'] as const,
  lists: (workspaceId: string) => [...documentKeys.all(workspaceId), 'list'] as const,
  list: (workspaceId: string, query: DocumentListQuery) => [...documentKeys.lists(workspaceId), query] as const,
  detail: (workspaceId: string, documentId: string) => [...documentKeys.all(workspaceId), 'detail', documentId] as const,
};

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/documents`;
const one = (workspaceId: string, documentId: string) => `${base(workspaceId)}/${encodeURIComponent(documentId)}`;

export const listDocuments = async (workspaceId: string, query: DocumentListQuery = {}) =>
  (await api.get<DocumentList>(base(workspaceId), { query: { ...query } })).documents;
export const getDocument = (workspaceId: string, documentId: string) => api.get<DocumentDetail>(one(workspaceId, documentId));
export const updateDocument = (workspaceId: string, documentId: string, body: UpdateDocumentBody) =>
  api.patch<DocumentDetail>(one(workspaceId, documentId), body);
export const deleteDocument = (workspaceId: string, documentId: string) => api.delete(one(workspaceId, documentId));
