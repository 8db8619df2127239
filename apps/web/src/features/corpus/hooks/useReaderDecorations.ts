/**
 * Everything highlighted in the reader's text: the span named by the URL and attributions with
 * their actors' names (code point ranges), and the words "Find in this document" matched in each
 * passage (located in the passage's text only when it is rendered).
 */
import type { DocumentDetail, OffsetMap } from '@marginalia/shared';
import { useMemo } from 'react';
import { useActors, useAttributions } from '../../actors';
import { splitByRanges } from '../../search';
import type { Decoration } from '../reader-model';
import { useDocumentFind } from './useDocumentFind';

export function useReaderDecorations(workspaceId: string, document: DocumentDetail, map: OffsetMap, span: { start: number; end: number } | undefined, find: string) {
  const attributions = useAttributions(workspaceId, document.id);
  const actors = useActors(workspaceId);
  const findSearch = useDocumentFind(workspaceId, document.id, find);

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

  // Words to mark per passage index; each passage finds them in its text when it is rendered.
  const findWords = useMemo(() => {
    const words = new Map<number, string[]>();
    if (find === '' || !findSearch.data) return words;
    for (const result of findSearch.data.results) {
      const marked = splitByRanges(result.snippet, result.highlights)
        .filter((piece) => piece.marked)
        .map((piece) => piece.text);
      if (marked.length > 0) words.set(result.passageIndex, marked);
    }
    return words;
  }, [find, findSearch.data]);

  const decorations = useMemo(() => [...(span ? [{ kind: 'target' as const, ...span }] : []), ...attributionDecorations], [span, attributionDecorations]);

  return { decorations, findWords, findSearch, attributionCount: attributions.data?.length };
}
