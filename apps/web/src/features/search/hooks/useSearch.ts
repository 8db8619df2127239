/** A search as a query: cached per parameters, cancelled when the parameters change. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchKeys, searchPassages, type SearchParams } from '../api';

export function useSearch(workspaceId: string, query: SearchParams) {
  const enabled = query.q.trim() !== '';
  return useQuery({
    queryKey: searchKeys.query(workspaceId, query),
    queryFn: ({ signal }) => searchPassages(workspaceId, query, signal),
    enabled,
    // Paging and refining keep the previous results visible instead of flashing a spinner.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
