/** Full-text search over passages, ranked; snippets are plain text with highlight ranges. */
import type { SearchQuery, SearchResponse } from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

/** SearchQuery's paging fields are coerced from strings by the API; the client sends numbers. */
export type SearchParams = Omit<SearchQuery, 'limit' | 'offset'> & { limit?: number; offset?: number };

export const searchKeys = {
  all: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'search'] as const,
  query: (workspaceId: string, query: SearchParams) => [...searchKeys.all(workspaceId), query] as const,
};

export const searchPassages = (workspaceId: string, query: SearchParams, signal?: AbortSignal) =>
  api.get<SearchResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/search`, { query: { ...query }, signal });
