/**
 * Every change a client makes to a map, each one Yjs transaction, so that one user action is
 * one undo step and one update for the server to check. The server validates the result
 * (map-validation.ts), so these only have to be right, not defensive.
 */
import * as Y from 'yjs';
import { achRatings, achWeights, mapEdges, mapNodes, mapSettings, ratingKey, weightKey, type AchWeight, type EvidenceLink, type MapEdgeRecord } from './map-document.js';
import type { AchRating, ActorStance, ConfidenceLevel, MapEdgeKind, MapNodeKind } from './map-vocabulary.js';

/** Web Crypto, present in browsers and Node 20; the shared package is typed without DOM. */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

/** A random id for a map element; crypto.randomUUID needs a secure context, this does not. */
export function newElementId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface NewMapNode {
  kind: MapNodeKind;
  text: string;
  details?: string;
  x: number;
  y: number;
  confidence?: ConfidenceLevel | null;
  actors?: Record<string, ActorStance>;
  evidence?: Omit<EvidenceLink, 'id'>[];
}

/** Adds a node created by `userId`; returns its id. */
export function addNode(doc: Y.Doc, userId: string, input: NewMapNode, id = newElementId()): string {
  doc.transact(() => {
    const node = new Y.Map<unknown>();
    mapNodes(doc).set(id, node);
    node.set('kind', input.kind);
    node.set('text', input.text);
    node.set('details', input.details ?? '');
    node.set('x', input.x);
    node.set('y', input.y);
    node.set('confidence', input.confidence ?? null);
    node.set('createdBy', userId);
    node.set('createdAt', new Date().toISOString());
    const actors = new Y.Map<ActorStance>();
    node.set('actors', actors);
    for (const [actorId, stance] of Object.entries(input.actors ?? {})) actors.set(actorId, stance);
    const evidence = new Y.Array<EvidenceLink>();
    node.set('evidence', evidence);
    evidence.push((input.evidence ?? []).map((link) => ({ ...link, id: newElementId() })));
  });
  return id;
}

export type NodeFields = Partial<Pick<NewMapNode, 'kind' | 'text' | 'details' | 'x' | 'y' | 'confidence'>>;

export function updateNode(doc: Y.Doc, nodeId: string, fields: NodeFields): void {
  const node = mapNodes(doc).get(nodeId);
  if (!node) return;
  doc.transact(() => {
    for (const [field, value] of Object.entries(fields)) if (value !== undefined) node.set(field, value);
  });
}

/** Moves several nodes in one step (a multi-selection dragged together). */
export function moveNodes(doc: Y.Doc, positions: ReadonlyMap<string, { x: number; y: number }>): void {
  const nodes = mapNodes(doc);
  doc.transact(() => {
    for (const [id, { x, y }] of positions) {
      const node = nodes.get(id);
      if (!node) continue;
      node.set('x', Math.round(x));
      node.set('y', Math.round(y));
    }
  });
}

/** Removes nodes and every edge that touches them (an edge to a missing node is invalid). */
export function removeNodes(doc: Y.Doc, nodeIds: Iterable<string>): void {
  const removed = new Set(nodeIds);
  const edges = mapEdges(doc);
  doc.transact(() => {
    for (const [id, edge] of [...edges.entries()]) if (removed.has(edge.source) || removed.has(edge.target)) edges.delete(id);
    for (const id of removed) mapNodes(doc).delete(id);
  });
}

export function addEdge(doc: Y.Doc, userId: string, edge: Omit<MapEdgeRecord, 'createdBy'>, id = newElementId()): string {
  mapEdges(doc).set(id, { ...edge, createdBy: userId });
  return id;
}

export function setEdgeKind(doc: Y.Doc, edgeId: string, kind: MapEdgeKind): void {
  const edge = mapEdges(doc).get(edgeId);
  if (edge) mapEdges(doc).set(edgeId, { ...edge, kind });
}

export function removeEdges(doc: Y.Doc, edgeIds: Iterable<string>): void {
  doc.transact(() => {
    for (const id of edgeIds) mapEdges(doc).delete(id);
  });
}

/** Sets (or, with null, clears) an actor's stance on a node. */
export function setActorStance(doc: Y.Doc, nodeId: string, actorId: string, stance: ActorStance | null): void {
  const actors = mapNodes(doc).get(nodeId)?.get('actors');
  if (!(actors instanceof Y.Map)) return;
  if (stance) actors.set(actorId, stance);
  else actors.delete(actorId);
}

export function addEvidenceLink(doc: Y.Doc, nodeId: string, link: Omit<EvidenceLink, 'id'>): string | null {
  const evidence = mapNodes(doc).get(nodeId)?.get('evidence');
  if (!(evidence instanceof Y.Array)) return null;
  const id = newElementId();
  evidence.push([{ ...link, id }]);
  return id;
}

export function removeEvidenceLink(doc: Y.Doc, nodeId: string, linkId: string): void {
  const evidence = mapNodes(doc).get(nodeId)?.get('evidence');
  if (!(evidence instanceof Y.Array)) return;
  const index = (evidence.toArray() as EvidenceLink[]).findIndex((link) => link.id === linkId);
  if (index >= 0) evidence.delete(index, 1);
}

/** One member's rating of one ACH cell; null clears it. */
export function rateCell(doc: Y.Doc, userId: string, hypothesisId: string, evidenceId: string, rating: AchRating | null): void {
  const key = ratingKey(hypothesisId, evidenceId, userId);
  if (rating) achRatings(doc).set(key, rating);
  else achRatings(doc).delete(key);
}

export function weighEvidence(doc: Y.Doc, userId: string, evidenceId: string, weight: AchWeight | null): void {
  const key = weightKey(evidenceId, userId);
  if (weight) achWeights(doc).set(key, weight);
  else achWeights(doc).delete(key);
}

export function setBlindRatings(doc: Y.Doc, blind: boolean): void {
  doc.transact(() => {
    mapSettings(doc).set('blindRatings', blind);
    if (blind) mapSettings(doc).set('ratingsRevealed', false);
  });
}

export function revealRatings(doc: Y.Doc, revealed: boolean): void {
  mapSettings(doc).set('ratingsRevealed', revealed);
}
