/** A search snippet with its matches in <mark>, built from ranges: never HTML from the server. */
import { useMemo } from 'react';
import { splitByRanges, type Range } from '../highlight-ranges';

export function SnippetText({ snippet, highlights }: { snippet: string; highlights: readonly Range[] }) {
  const pieces = useMemo(() => splitByRanges(snippet, highlights), [snippet, highlights]);
  return (
    <>
      {pieces.map((piece, index) =>
        piece.marked ? (
          <mark key={index} className="search-hit">
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}
