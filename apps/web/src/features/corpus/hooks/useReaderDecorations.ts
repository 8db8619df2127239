/**
 * Everything highlighted in the reader's text, as code point ranges: the span named by the
 * URL, the words found by "Find in this document", and attributions with their actors' names.
 */
import type { DocumentDetail, OffsetMap } from '@marginalia/shared';
import { useMemo } from 'react';
import { useActors, useAttributions } from '../../actors';
import { splitByRanges, useSearch } from '../../search';
import { locateHits, type Decoration } from '../reader-model';

/** The search endpoint's maximum page; a document rarely has more matching passages. */
export const FIND_LIMIT = 100;

export function useReaderDecorations(workspaceId: string, document: DocumentDetail, map: OffsetMap, span: { start: number; end: number } | undefined, find: string) {
  const attributions = useAttributions(workspaceId, document.id);
  const actors = useActors(workspaceId);
  const findSearch = useSearch(workspaceId, { q: find, documentId: document.id, limit: FIND_LIMIT });

  const attributionDecorations = useMemo(() => {
    const names = new Map((actors.data ?? []).map((actor) => [actor.id, actor.name]));
    return (attributions.data ?? []).map(
      (attribution): Decoration => ({
        kind: 'attribution',
        start: attribution.start,
        end: attribution.end,
        attributionId: attribution.id,
        actorId: attribution.actorId,
        actorName: names.get(attribution.actorId) ?? 'Unknown actor',
      }),
    );
  }, [attributions.data, actors.data]);

  const hitDecorations = useMemo(() => {
    if (find === '' || !findSearch.data) return [];
    const byIndex = new Map(document.passages.map((passage) => [passage.id, passage]));
    return findSearch.data.results.flatMap((result) => {
      const passage = byIndex.get(result.passageId);
      if (!passage) return [];
      const words = splitByRanges(result.snippet, result.highlights)
        .filter((piece) => piece.marked)
        .map((piece) => piece.text);
      return locateHits(map, passage, words).map((hit): Decoration => ({ kind: 'hit', ...hit }));
    });
  }, [find, findSearch.data, document.passages, map]);

  const decorations = useMemo(
    () => [...(span ? [{ kind: 'target' as const, ...span }] : []), ...hitDecorations, ...attributionDecorations],
    [span, hitDecorations, attributionDecorations],
  );

  return { decorations, findSearch, attributionCount: attributions.data?.length };
}
