/**
 * Narrowing a workspace snapshot before any format sees it: what the caller may see (blind
 * coding: a non-admin gets only their own annotations and, in maps with blind ratings, only
 * their own ratings) and what they asked for (documents, tags, analysts, maps). Serializers
 * never filter, so every format agrees on what an export contains.
 */
import { visibleRatings, type ExportFilters, type WorkspaceExport } from '@marginalia/shared';

export interface ExportViewer {
  userId: string;
  /** Admins and owners see everything; others are subject to blind coding. */
  seesEveryone: boolean;
  othersHidden: boolean;
}

export function applyVisibility(snapshot: WorkspaceExport, viewer: ExportViewer): WorkspaceExport {
  if (viewer.seesEveryone) return snapshot;
  const annotations = viewer.othersHidden ? snapshot.annotations.filter((annotation) => annotation.analystId === viewer.userId) : snapshot.annotations;
  const maps = snapshot.maps.map((map) => visibleRatings(map, viewer.userId));
  return dropDangling({ ...snapshot, annotations, maps });
}

export function applyFilters(snapshot: WorkspaceExport, filters: ExportFilters): WorkspaceExport {
  let { documents, annotations, attributions, maps, codebook } = snapshot;
  if (filters.documents) {
    const keep = new Set(filters.documents);
    documents = documents.filter((document) => keep.has(document.id));
    annotations = annotations.filter((annotation) => keep.has(annotation.documentId));
    attributions = attributions.filter((attribution) => keep.has(attribution.documentId));
  }
  if (filters.tags) {
    const keep = new Set(filters.tags);
    annotations = annotations.map((annotation) => ({ ...annotation, tagIds: annotation.tagIds.filter((id) => keep.has(id)) })).filter((annotation) => annotation.tagIds.length > 0);
    codebook = { tags: codebook.tags.filter((tag) => withAncestors(codebook.tags, keep).has(tag.id)) };
  }
  if (filters.analysts) {
    const keep = new Set(filters.analysts);
    annotations = annotations.filter((annotation) => annotation.analystId !== null && keep.has(annotation.analystId));
  }
  if (filters.maps) {
    const keep = new Set(filters.maps);
    maps = maps.filter((map) => keep.has(map.id));
  }
  return dropDangling({ ...snapshot, documents, annotations, attributions, maps, codebook });
}

/** Selected tags plus their ancestors, so tag paths ("Parent > Child") stay whole. */
function withAncestors(tags: WorkspaceExport['codebook']['tags'], selected: ReadonlySet<string>): Set<string> {
  const parentOf = new Map(tags.map((tag) => [tag.id, tag.parentId]));
  const result = new Set<string>();
  for (const id of selected) {
    for (let current: string | null | undefined = id; current && !result.has(current); current = parentOf.get(current)) result.add(current);
  }
  return result;
}

/** Threads whose anchor left the export go with it (a thread on a hidden annotation would leak its quote). */
function dropDangling(snapshot: WorkspaceExport): WorkspaceExport {
  const documents = new Set(snapshot.documents.map((document) => document.id));
  const annotations = new Set(snapshot.annotations.map((annotation) => annotation.id));
  const maps = new Set(snapshot.maps.map((map) => map.id));
  const threads = snapshot.threads.filter(({ anchor }) => {
    if (anchor.annotationId && !annotations.has(anchor.annotationId)) return false;
    if (anchor.documentId && !documents.has(anchor.documentId)) return false;
    if (anchor.mapId && !maps.has(anchor.mapId)) return false;
    return true;
  });
  return { ...snapshot, threads };
}
