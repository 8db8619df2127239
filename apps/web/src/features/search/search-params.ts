/**
 * The search page keeps its whole state in the URL (?q=…&document=…&page=2), so a search can
 * be bookmarked, shared, reloaded and walked through with Back and Forward.
 */
import type { SearchParams } from './api';

export const PAGE_SIZE = 20;

export interface SearchFormValues {
  q: string;
  document: string;
  source: string;
  author: string;
  language: string;
  from: string;
  to: string;
  actor: string;
}

const FILTER_KEYS = ['document', 'source', 'author', 'language', 'from', 'to', 'actor'] as const;

export function formValuesFrom(params: URLSearchParams): SearchFormValues {
  return {
    q: params.get('q') ?? '',
    document: params.get('document') ?? '',
    source: params.get('source') ?? '',
    author: params.get('author') ?? '',
    language: params.get('language') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    actor: params.get('actor') ?? '',
  };
}

export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function countActiveFilters(values: SearchFormValues): number {
  return FILTER_KEYS.filter((key) => values[key].trim() !== '').length;
}

/** New search parameters: a new search starts again at page 1. */
export function paramsFrom(values: SearchFormValues, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value.trim() !== '') params.set(key, value.trim());
  if (page > 1) params.set('page', String(page));
  return params;
}

const orUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

export function apiQueryFrom(values: SearchFormValues, page: number): SearchParams {
  return {
    q: values.q.trim(),
    documentId: orUndefined(values.document),
    source: orUndefined(values.source),
    author: orUndefined(values.author),
    language: orUndefined(values.language),
    publishedFrom: orUndefined(values.from),
    publishedTo: orUndefined(values.to),
    actorId: orUndefined(values.actor),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}
