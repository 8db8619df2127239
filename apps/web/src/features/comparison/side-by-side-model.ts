/**
 * The side-by-side view's rows, by the agreement's own units: a tag applies to a passage for
 * an analyst when any of the analyst's spans with that tag overlaps it. An analyst with no
 * annotation at all in the document has not coded it (missing, not "no tags").
 */
import type { Annotation, Passage } from '@marginalia/shared';

export interface ComparisonRow {
  passage: Passage;
  /** Per analyst, in the given order: the tags applied, or null when the analyst did not code the document. */
  coded: Array<Set<string> | null>;
  consensus: Set<string>;
  disagreement: boolean;
}

const overlaps = (annotation: Annotation, passage: Passage) => annotation.start < passage.end && annotation.end > passage.start;

export function comparisonRows(passages: Passage[], annotations: Annotation[], analystIds: string[]): ComparisonRow[] {
  const coders = new Set(annotations.filter((a) => a.kind === 'analyst').map((a) => a.analystId));
  return passages.map((passage) => {
    const here = annotations.filter((annotation) => overlaps(annotation, passage));
    const coded = analystIds.map((analystId) =>
      coders.has(analystId) ? new Set(here.filter((a) => a.kind === 'analyst' && a.analystId === analystId).flatMap((a) => a.tagIds)) : null,
    );
    const present = coded.filter((tags): tags is Set<string> => tags !== null);
    const signature = (tags: Set<string>) => [...tags].sort().join(',');
    const disagreement = present.length >= 2 && new Set(present.map(signature)).size > 1;
    const consensus = new Set(here.filter((a) => a.kind === 'consensus').flatMap((a) => a.tagIds));
    return { passage, coded, consensus, disagreement };
  });
}
