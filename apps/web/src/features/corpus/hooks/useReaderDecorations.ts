/**
 * What the reader itself highlights, beside the layers: the span named by the URL, and the words
 * "Find in this document" matched in each passage (located in the passage's text only when it
 * is rendered).
 */
import type { DocumentDetail } from '@marginalia/shared';
import { useMemo } from 'react';
import { splitByRanges } from '../../search';
import type { LayerHighlight } from '../layers/reader-layer';
import { useDocumentFind } from './useDocumentFind';

export function useReaderDecorations(workspaceId: string, document: DocumentDetail, span: { start: number; end: number } | undefined, find: string) {
  const findSearch = useDocumentFind(workspaceId, document.id, find);

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

  const target = useMemo((): LayerHighlight[] => (span ? [{ ...span, paint: 'reader-target' }] : []), [span]);

  return { target, findWords, findSearch };
}
