/**
 * An argument map as a Yjs document: the shape both the browser and the server's validator
 * read and write. Root types, all Y.Maps keyed by stable ids:
 *   nodes     node id -> Y.Map of the node's fields; `actors` a nested Y.Map (actor id ->
 *             stance), `evidence` a nested Y.Array of EvidenceLink objects;
 *   edges     edge id -> MapEdgeRecord (a plain object: an edge changes as a whole);
 *   ratings   `${hypothesisId}/${evidenceId}/${userId}` -> AchRating (one member's cell);
 *   weights   `${evidenceId}/${userId}` -> AchWeight (one member's weighting of evidence);
 *   settings  `blindRatings`, `ratingsRevealed` (booleans).
 * Keys of ratings and weights end with the member's id, so the server can refuse an update
 * that writes someone else's. Ratings that name a removed node stay and are ignored: removing
 * a node must not need the right to delete colleagues' ratings.
 */
import * as Y from 'yjs';
import type { AchRating, AchWeightLevel, ActorStance, ConfidenceLevel, MapEdgeKind, MapNodeKind } from './map-vocabulary.js';

export const MAP_ROOTS = ['nodes', 'edges', 'ratings', 'weights', 'settings'] as const;

/** A quote from the corpus that a node cites: a text anchor (code points), or an annotation's. */
export interface EvidenceLink {
  id: string;
  documentId: string;
  start: number;
  end: number;
  /** The text at [start, end): checked by the server against the document. */
  exact: string;
  /** When the link was made from an annotation, which one (its span is the anchor). */
  annotationId?: string;
}

export interface MapNode {
  id: string;
  kind: MapNodeKind;
  text: string;
  details: string;
  x: number;
  y: number;
  confidence: ConfidenceLevel | null;
  createdBy: string;
  createdAt: string;
  actors: Record<string, ActorStance>;
  evidence: EvidenceLink[];
}

export interface MapEdgeRecord {
  kind: MapEdgeKind;
  source: string;
  target: string;
  createdBy: string;
}
export interface MapEdge extends MapEdgeRecord {
  id: string;
}

export interface AchWeight {
  credibility: AchWeightLevel;
  relevance: AchWeightLevel;
}

export interface AchRatingEntry {
  hypothesisId: string;
  evidenceId: string;
  userId: string;
  rating: AchRating;
}

export interface AchWeightEntry extends AchWeight {
  evidenceId: string;
  userId: string;
}

export interface MapSettings {
  blindRatings: boolean;
  ratingsRevealed: boolean;
}

/** A plain copy of the whole map, for views, projections and exports. */
export interface MapSnapshot {
  nodes: MapNode[];
  edges: MapEdge[];
  ratings: AchRatingEntry[];
  weights: AchWeightEntry[];
  settings: MapSettings;
}

export const mapNodes = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('nodes');
export const mapEdges = (doc: Y.Doc) => doc.getMap<MapEdgeRecord>('edges');
export const achRatings = (doc: Y.Doc) => doc.getMap<AchRating>('ratings');
export const achWeights = (doc: Y.Doc) => doc.getMap<AchWeight>('weights');
export const mapSettings = (doc: Y.Doc) => doc.getMap<boolean>('settings');

export const ratingKey = (hypothesisId: string, evidenceId: string, userId: string) => `${hypothesisId}/${evidenceId}/${userId}`;
export const weightKey = (evidenceId: string, userId: string) => `${evidenceId}/${userId}`;

/** The member a rating or weight key belongs to (its last segment). */
export function ownerOfKey(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

export function readNode(id: string, node: Y.Map<unknown>): MapNode {
  const actors = node.get('actors');
  const evidence = node.get('evidence');
  return {
    id,
    kind: node.get('kind') as MapNodeKind,
    text: (node.get('text') as string | undefined) ?? '',
    details: (node.get('details') as string | undefined) ?? '',
    x: (node.get('x') as number | undefined) ?? 0,
    y: (node.get('y') as number | undefined) ?? 0,
    confidence: (node.get('confidence') as ConfidenceLevel | null | undefined) ?? null,
    createdBy: (node.get('createdBy') as string | undefined) ?? '',
    createdAt: (node.get('createdAt') as string | undefined) ?? '',
    actors: actors instanceof Y.Map ? (actors.toJSON() as Record<string, ActorStance>) : {},
    evidence: evidence instanceof Y.Array ? (evidence.toArray() as EvidenceLink[]) : [],
  };
}

export function readMapSettings(doc: Y.Doc): MapSettings {
  const settings = mapSettings(doc);
  return { blindRatings: settings.get('blindRatings') === true, ratingsRevealed: settings.get('ratingsRevealed') === true };
}

export function readMap(doc: Y.Doc): MapSnapshot {
  const nodes: MapNode[] = [];
  mapNodes(doc).forEach((node, id) => nodes.push(readNode(id, node)));
  const edges: MapEdge[] = [];
  mapEdges(doc).forEach((edge, id) => edges.push({ id, ...edge }));
  const ratings: AchRatingEntry[] = [];
  achRatings(doc).forEach((rating, key) => {
    const [hypothesisId, evidenceId, userId] = key.split('/');
    if (hypothesisId && evidenceId && userId) ratings.push({ hypothesisId, evidenceId, userId, rating });
  });
  const weights: AchWeightEntry[] = [];
  achWeights(doc).forEach((weight, key) => {
    const [evidenceId, userId] = key.split('/');
    if (evidenceId && userId) weights.push({ evidenceId, userId, ...weight });
  });
  return { nodes, edges, ratings, weights, settings: readMapSettings(doc) };
}
