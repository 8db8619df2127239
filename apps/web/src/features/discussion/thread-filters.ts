/** The Discussion page's filters, kept in the address so a filtered list can be linked and reloaded. */
import { THREAD_ANCHOR_KINDS, type ThreadAnchorKind, type ThreadListQuery } from '@marginalia/shared';

export interface ThreadFilters {
  status: 'open' | 'resolved' | 'all';
  mine: boolean;
  mentioningMe: boolean;
  anchorKind: ThreadAnchorKind | '';
  documentId: string;
  q: string;
}

const STATUSES = ['open', 'resolved', 'all'] as const;

export function readThreadFilters(params: URLSearchParams): ThreadFilters {
  const status = params.get('status');
  const kind = params.get('kind');
  return {
    status: STATUSES.find((value) => value === status) ?? 'all',
    mine: params.get('mine') === '1',
    mentioningMe: params.get('mentions') === '1',
    anchorKind: THREAD_ANCHOR_KINDS.find((value) => value === kind) ?? '',
    documentId: params.get('document') ?? '',
    q: params.get('q') ?? '',
  };
}

/** Writes the filters into `params` (kept: the open thread), leaving defaults out. */
export function writeThreadFilters(params: URLSearchParams, filters: ThreadFilters): URLSearchParams {
  const set = (key: string, value: string | null) => {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  };
  set('status', filters.status === 'all' ? null : filters.status);
  set('mine', filters.mine ? '1' : null);
  set('mentions', filters.mentioningMe ? '1' : null);
  set('kind', filters.anchorKind);
  set('document', filters.documentId);
  set('q', filters.q.trim());
  return params;
}

export function toThreadListQuery(filters: ThreadFilters): ThreadListQuery {
  return {
    status: filters.status,
    ...(filters.mine ? { mine: 'true' as const } : {}),
    ...(filters.mentioningMe ? { mentioningMe: 'true' as const } : {}),
    ...(filters.anchorKind === '' ? {} : { anchorKind: filters.anchorKind }),
    ...(filters.documentId === '' ? {} : { documentId: filters.documentId }),
    ...(filters.q.trim() === '' ? {} : { q: filters.q.trim() }),
  };
}
