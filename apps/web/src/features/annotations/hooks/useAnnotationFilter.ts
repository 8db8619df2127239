/**
 * The reader's annotation filter as URL state: read from the search parameters, written back
 * (replacing the history entry, keeping the passage, span and find parameters) so that the
 * address always links to the filtered view.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readFilter, writeFilter, type AnnotationFilter } from '../annotation-filter';

export function useAnnotationFilter(): [AnnotationFilter, (change: Partial<AnnotationFilter>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  // Keyed on the filter's own text: moving through passages rewrites ?p=, and must not give
  // every highlight and margin item a new filter to recompute against.
  const key = JSON.stringify(readFilter(searchParams));
  const filter = useMemo(() => JSON.parse(key) as AnnotationFilter, [key]);
  const change = useCallback(
    (patch: Partial<AnnotationFilter>) => {
      setSearchParams((current) => writeFilter(current, { ...readFilter(current), ...patch }), { replace: true, preventScrollReset: true });
    },
    [setSearchParams],
  );
  return [filter, change];
}
