/**
 * Query terms with Chinese, Japanese or Korean characters, cut the way passages are indexed
 * (multilingual-search migration): a run of such characters "ABCD" is indexed as the words
 * "A AB BC CD D". A run in a query becomes its pairs "AB BC CD" as a phrase, which matches
 * wherever the run appears in the text, inside longer runs too; a single character becomes
 * the prefix query "A*" (every character of the text starts some indexed word).
 *
 * A term that mixes scripts ("iPhone手机", "the 反间谍法 a tool") needs each of its pieces,
 * anywhere in the passage: the index puts a varying number of positions between the pieces
 * (a stop word at the edge of the Latin piece takes one, and only Postgres knows which words
 * are stop words), so requiring them side by side would miss real matches.
 */
import { characterPairs, cjkRuns, hasCjk } from '@marginalia/shared';

export interface TermSegment {
  /** words: other scripts, looked up per configuration; pairs: CJK character pairs; character: one CJK character. */
  kind: 'words' | 'pairs' | 'character';
  text: string;
}

const MEANINGFUL = /[\p{L}\p{N}]/u;

/** The term's segments, or null when it has no CJK character (then it is searched as it is). */
export function cjkTermSegments(text: string): TermSegment[] | null {
  if (!hasCjk(text)) return null;
  const segments: TermSegment[] = [];
  for (const run of cjkRuns(text)) {
    if (!run.cjk) {
      // Spaces and punctuation between runs index as nothing.
      if (MEANINGFUL.test(run.text)) segments.push({ kind: 'words', text: run.text });
    } else if (Array.from(run.text).length === 1) {
      segments.push({ kind: 'character', text: run.text });
    } else {
      segments.push({ kind: 'pairs', text: characterPairs(run.text).join(' ') });
    }
  }
  return segments;
}

/** The CJK runs of a term, as written: what snippets highlight (Postgres cannot, see cjk-snippet.ts). */
export function cjkNeedles(text: string): string[] {
  return cjkRuns(text)
    .filter((run) => run.cjk)
    .map((run) => run.text);
}
