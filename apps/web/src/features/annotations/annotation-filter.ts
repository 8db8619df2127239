/**
 * Which annotations the reader shows: by tag (one or more, with or without their sub-tags), by
 * analyst (or the team's consensus), or only the reader's own. The filter lives in the URL's
 * search parameters (`tag` repeated, `subtags=0`, `analyst`, `mine=1`) so a filtered view can be
 * linked; it is a view setting only (blind coding is enforced by the API, not here).
 */
import type { Annotation, Tag } from '@marginalia/shared';

/** The analyst choice that stands for the team's agreed (consensus) annotations. */
export const CONSENSUS = 'consensus';

export interface AnnotationFilter {
  tagIds: readonly string[];
  /** A chosen tag also matches its sub-tags, at any depth (the default). */
  withSubTags: boolean;
  /** An analyst's id, CONSENSUS, or null for anyone. Ignored while `mineOnly`. */
  analystId: string | null;
  mineOnly: boolean;
}

const PARAMS = { tag: 'tag', subTags: 'subtags', analyst: 'analyst', mine: 'mine' } as const;

export function readFilter(params: URLSearchParams): AnnotationFilter {
  return {
    tagIds: [...new Set(params.getAll(PARAMS.tag).filter((id) => id !== ''))],
    withSubTags: params.get(PARAMS.subTags) !== '0',
    analystId: params.get(PARAMS.analyst) || null,
    mineOnly: params.get(PARAMS.mine) === '1',
  };
}

/** `params` with the filter written over whatever filter it held; other parameters are kept. */
export function writeFilter(params: URLSearchParams, filter: AnnotationFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of Object.values(PARAMS)) next.delete(name);
  for (const id of filter.tagIds) next.append(PARAMS.tag, id);
  if (!filter.withSubTags) next.set(PARAMS.subTags, '0');
  if (filter.analystId !== null) next.set(PARAMS.analyst, filter.analystId);
  if (filter.mineOnly) next.set(PARAMS.mine, '1');
  return next;
}

export const NO_FILTER: AnnotationFilter = { tagIds: [], withSubTags: true, analystId: null, mineOnly: false };

export function isFiltering(filter: AnnotationFilter): boolean {
  return filter.tagIds.length > 0 || filter.analystId !== null || filter.mineOnly;
}

/** The tag ids the filter accepts (null: any tag). */
export function acceptedTagIds(filter: AnnotationFilter, tags: readonly Tag[]): ReadonlySet<string> | null {
  if (filter.tagIds.length === 0) return null;
  const accepted = new Set(filter.tagIds);
  if (!filter.withSubTags) return accepted;
  // Tags come parents first (the API lists them depth first), but do not rely on it.
  let grew = true;
  while (grew) {
    grew = false;
    for (const tag of tags) {
      if (tag.parentId !== null && accepted.has(tag.parentId) && !accepted.has(tag.id)) {
        accepted.add(tag.id);
        grew = true;
      }
    }
  }
  return accepted;
}

/** Whether the filter shows `annotation`, for the signed-in analyst `meId`. */
export function annotationMatcher(filter: AnnotationFilter, tags: readonly Tag[], meId: string): (annotation: Annotation) => boolean {
  const accepted = acceptedTagIds(filter, tags);
  return (annotation) => {
    if (filter.mineOnly) {
      if (annotation.kind !== 'analyst' || annotation.analystId !== meId) return false;
    } else if (filter.analystId === CONSENSUS) {
      if (annotation.kind !== 'consensus') return false;
    } else if (filter.analystId !== null) {
      if (annotation.kind !== 'analyst' || annotation.analystId !== filter.analystId) return false;
    }
    return accepted === null || annotation.tagIds.some((id) => accepted.has(id));
  };
}
