/**
 * "Find in this document": every passage of the document that matches, in reading order. The
 * search endpoint answers at most 100 results a request, so the first page says how many there
 * are and the rest are fetched a few at a time; the search's own cap (10,000) still applies.
 */
import type { SearchResponse, SearchResult } from '@marginalia/shared';
import { useQuery } from '@tanstack/react-query';
import { searchKeys, searchPassages } from '../../search';

export const FIND_PAGE = 100;
/** The search endpoint's largest offset: matches beyond it cannot be listed. */
export const FIND_MAX = 10_000;
const PARALLEL_PAGES = 4;

export interface DocumentFindResult {
  /** Sorted by passage. */
  results: SearchResult[];
  total: number;
}

async function findAll(workspaceId: string, documentId: string, q: string, signal: AbortSignal): Promise<DocumentFindResult> {
  const page = (offset: number): Promise<SearchResponse> => searchPassages(workspaceId, { q, documentId, limit: FIND_PAGE, offset }, signal);
  const first = await page(0);
  const offsets: number[] = [];
  for (let offset = FIND_PAGE; offset < Math.min(first.total, FIND_MAX); offset += FIND_PAGE) offsets.push(offset);
  const results = [...first.results];
  for (let i = 0; i < offsets.length; i += PARALLEL_PAGES) {
    const pages = await Promise.all(offsets.slice(i, i + PARALLEL_PAGES).map(page));
    for (const response of pages) results.push(...response.results);
  }
  // Pages are by rank: a passage may move between pages if ranks tie; keep each once.
  const unique = new Map(results.map((result) => [result.passageId, result]));
  return { results: [...unique.values()].sort((a, b) => a.passageIndex - b.passageIndex), total: first.total };
}

export function useDocumentFind(workspaceId: string, documentId: string, q: string) {
  return useQuery({
    queryKey: [...searchKeys.all(workspaceId), 'find', documentId, q] as const,
    queryFn: ({ signal }) => findAll(workspaceId, documentId, q, signal),
    enabled: q.trim() !== '',
    staleTime: 60_000,
  });
}
