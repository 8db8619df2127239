/**
 * What the comparison views need besides the map itself: who the members, actors and articles
 * are (names and titles for ids), and the corpus's attributions in the documents the map cites.
 * Each comes from its feature's cached queries, so the views refresh when those features do.
 */
import { citedDocumentIds, type Attribution, type MapSnapshot } from '@marginalia/shared';
import { useMemo } from 'react';
import { useActors, useAttributionsOf } from '../../actors';
import { useDocuments } from '../../documents';
import { useMembers } from '../../members';

export interface MapViewNames {
  member: (userId: string) => string;
  actor: (actorId: string) => string;
  /** The actor's affiliation, when the corpus records one. */
  affiliation: (actorId: string) => string | null;
  document: (documentId: string) => string;
}

export function useMapViewNames(workspaceId: string): MapViewNames {
  const members = useMembers(workspaceId).data;
  const actors = useActors(workspaceId).data;
  const documents = useDocuments(workspaceId).data;
  return useMemo(() => {
    const memberNames = new Map((members ?? []).map((member) => [member.userId, member.displayName]));
    const actorById = new Map((actors ?? []).map((actor) => [actor.id, actor]));
    const titles = new Map((documents ?? []).map((document) => [document.id, document.title]));
    return {
      member: (userId) => memberNames.get(userId) ?? 'Former member',
      actor: (actorId) => actorById.get(actorId)?.name ?? 'Unknown actor',
      affiliation: (actorId) => actorById.get(actorId)?.affiliation ?? null,
      document: (documentId) => titles.get(documentId) ?? 'Untitled document',
    };
  }, [members, actors, documents]);
}

/** Attributions of every document the map cites (the corpus's side of "who holds what"). */
export function useMapAttributions(workspaceId: string, snapshot: MapSnapshot): { attributions: Attribution[]; isPending: boolean; error: Error | null } {
  const documentIds = useMemo(() => citedDocumentIds(snapshot), [snapshot]);
  return useAttributionsOf(workspaceId, documentIds);
}
