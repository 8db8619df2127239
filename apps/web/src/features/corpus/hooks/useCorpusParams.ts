/**
 * The corpus list keeps its sort and filters in the URL (?sort=publishedOn&order=desc&actor=…),
 * so a filtered view can be bookmarked, shared and restored with Back.
 */
import { DOCUMENT_SORT_KEYS, type DocumentListQuery } from '@marginalia/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type SortKey = (typeof DOCUMENT_SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

export const FILTER_PARAMS = ['title', 'source', 'author', 'language', 'from', 'to', 'actor'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export type CorpusFilters = Record<FilterParam, string>;

function isSortKey(value: string | null): value is SortKey {
  return DOCUMENT_SORT_KEYS.some((key) => key === value);
}

export function useCorpusParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const paramsKey = searchParams.toString();

  const state = useMemo(() => {
    const params = new URLSearchParams(paramsKey);
    const rawSort = params.get('sort');
    const sort: SortKey = isSortKey(rawSort) ? rawSort : 'title';
    const order: SortOrder = params.get('order') === 'desc' ? 'desc' : 'asc';
    const filters = Object.fromEntries(FILTER_PARAMS.map((key) => [key, params.get(key) ?? ''])) as CorpusFilters;
    const value = (key: FilterParam) => (filters[key].trim() === '' ? undefined : filters[key].trim());
    const query: DocumentListQuery = {
      sort,
      order,
      title: value('title'),
      source: value('source'),
      author: value('author'),
      language: value('language'),
      publishedFrom: value('from'),
      publishedTo: value('to'),
      actorId: value('actor'),
    };
    // Undefined members would make otherwise equal queries different cache keys.
    for (const key of Object.keys(query) as Array<keyof DocumentListQuery>) if (query[key] === undefined) delete query[key];
    const activeFilters = FILTER_PARAMS.filter((key) => filters[key].trim() !== '').length;
    return { sort, order, filters, query, activeFilters };
  }, [paramsKey]);

  const update = useCallback(
    (changes: Partial<Record<FilterParam | 'sort' | 'order', string>>, replace = true) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace },
      );
    },
    [setSearchParams],
  );

  /** Title first sorts A→Z; dates, length and "added" are more useful newest/longest first. */
  const toggleSort = useCallback(
    (key: SortKey) => {
      const defaultOrder: SortOrder = key === 'title' || key === 'source' || key === 'author' ? 'asc' : 'desc';
      const nextOrder: SortOrder = state.sort === key ? (state.order === 'asc' ? 'desc' : 'asc') : defaultOrder;
      update({ sort: key === 'title' && nextOrder === 'asc' ? '' : key, order: nextOrder === 'asc' ? '' : 'desc' }, false);
    },
    [state.sort, state.order, update],
  );

  const clearFilters = useCallback(() => {
    update(Object.fromEntries(FILTER_PARAMS.map((key) => [key, ''])), false);
  }, [update]);

  return { ...state, update, toggleSort, clearFilters };
}
