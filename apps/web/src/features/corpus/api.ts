/** The documents of a workspace's corpus (read-only until the corpus feature lands). */
import type { DocumentDetail, DocumentList } from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const documentKeys = {
  list: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'documents'] as const,
  detail: (workspaceId: string, documentId: string) => [...documentKeys.list(workspaceId), documentId] as const,
};

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/documents`;

export const listDocuments = async (workspaceId: string) => (await api.get<DocumentList>(base(workspaceId))).documents;
export const getDocument = (workspaceId: string, documentId: string) => api.get<DocumentDetail>(`${base(workspaceId)}/${encodeURIComponent(documentId)}`);
