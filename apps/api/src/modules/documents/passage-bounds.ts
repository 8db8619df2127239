/**
 * Passages are paragraphs, but a paragraph may be a whole book without a line break, and
 * Postgres refuses a search entry (tsvector) over 1 MB, which would fail the import. So a
 * passage longer than IMPORT_LIMITS.maxPassageCharacters is stored as several, split at
 * sentence ends; a single sentence longer than that is cut at the limit. Offsets stay code
 * points, absolute in the document.
 */
import { IMPORT_LIMITS, segmentPassages, type PassageSegment, type Span } from '@marginalia/shared/import-reading';

/** The document's passages and sentences, none longer than `maxCharacters`. */
export function segmentDocument(text: string, language: string | null, maxCharacters: number = IMPORT_LIMITS.maxPassageCharacters): PassageSegment[] {
  return boundPassages(segmentPassages(text, language ?? 'en'), maxCharacters);
}

export function boundPassages(passages: PassageSegment[], maxCharacters: number): PassageSegment[] {
  if (passages.every((passage) => passage.end - passage.start <= maxCharacters)) return passages;
  const bounded: PassageSegment[] = [];
  const push = (sentences: Span[]): void => {
    if (sentences.length === 0) return;
    bounded.push({ index: bounded.length, start: sentences[0]!.start, end: sentences.at(-1)!.end, sentences });
  };
  for (const passage of passages) {
    if (passage.end - passage.start <= maxCharacters) {
      bounded.push({ ...passage, index: bounded.length });
      continue;
    }
    let group: Span[] = [];
    for (const sentence of passage.sentences.flatMap((span) => cut(span, maxCharacters))) {
      if (group.length > 0 && sentence.end - group[0]!.start > maxCharacters) {
        push(group);
        group = [];
      }
      group.push(sentence);
    }
    push(group);
  }
  return bounded;
}

/** A sentence longer than the limit, in pieces of at most the limit. */
function cut(sentence: Span, maxCharacters: number): Span[] {
  if (sentence.end - sentence.start <= maxCharacters) return [sentence];
  const pieces: Span[] = [];
  for (let start = sentence.start; start < sentence.end; start += maxCharacters) pieces.push({ start, end: Math.min(sentence.end, start + maxCharacters) });
  return pieces;
}
