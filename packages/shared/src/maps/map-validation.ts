/**
 * The server's check of an argument map after each untrusted update (see DocumentGuard). It
 * records what the update's transaction changed, through observers on the root types, and
 * checks only that: the nodes and edges touched, the edges of removed nodes, the rating and
 * weight keys written. Whole-map checks would cost time in proportion to the map on every
 * keystroke.
 *
 * Rules: only the known root types; nodes and edges with known kinds and fields within
 * MAP_LIMITS; no edge to a missing node; new nodes and edges carry their author's id, and an
 * edge keeps its creator; a member writes only their own ratings and weights.
 */
import * as Y from 'yjs';
import type { CitedSpan, DocumentGuard, GuardVerdict } from '../collab-kinds/document-guard.js';
import { MAP_ROOTS, achRatings, achWeights, mapEdges, mapNodes, mapSettings, ownerOfKey, type EvidenceLink, type MapEdgeRecord } from './map-document.js';
import { ACH_RATINGS, ACH_WEIGHT_LEVELS, ACTOR_STANCES, CONFIDENCE_LEVELS, MAP_EDGE_KINDS, MAP_LIMITS, MAP_NODE_KINDS } from './map-vocabulary.js';

const NODE_FIELDS = new Set(['kind', 'text', 'details', 'x', 'y', 'confidence', 'createdBy', 'createdAt', 'actors', 'evidence']);
const SETTINGS_FIELDS = new Set(['blindRatings', 'ratingsRevealed']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

class Refusal extends Error {}
function refuse(message: string): never {
  throw new Refusal(message);
}

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

interface ChangeRecord {
  /** Nodes whose own key changed at the root (added, replaced or removed). */
  nodeKeys: Set<string>;
  /** Nodes whose fields, actors or evidence changed. */
  nodeContent: Set<string>;
  /** Edge id -> the record before the change (undefined when it is new). */
  edges: Map<string, MapEdgeRecord | undefined>;
  ratings: Set<string>;
  weights: Set<string>;
  settings: Set<string>;
}

function emptyRecord(): ChangeRecord {
  return { nodeKeys: new Set(), nodeContent: new Set(), edges: new Map(), ratings: new Set(), weights: new Set(), settings: new Set() };
}

export class MapGuard implements DocumentGuard {
  private record = emptyRecord();

  constructor(private readonly doc: Y.Doc) {
    mapNodes(doc).observeDeep((events) => {
      for (const event of events) {
        const [nodeId] = event.path;
        if (typeof nodeId === 'string') this.record.nodeContent.add(nodeId);
        else for (const key of (event as Y.YMapEvent<unknown>).keysChanged) this.record.nodeKeys.add(key);
      }
    });
    mapEdges(doc).observe((event) => {
      for (const [key, change] of event.changes.keys) if (!this.record.edges.has(key)) this.record.edges.set(key, change.oldValue as MapEdgeRecord | undefined);
    });
    achRatings(doc).observe((event) => event.keysChanged.forEach((key) => this.record.ratings.add(key)));
    achWeights(doc).observe((event) => event.keysChanged.forEach((key) => this.record.weights.add(key)));
    mapSettings(doc).observe((event) => event.keysChanged.forEach((key) => this.record.settings.add(key)));
  }

  forget(): void {
    this.record = emptyRecord();
  }

  judge(author: string): GuardVerdict {
    const record = this.record;
    this.record = emptyRecord();
    try {
      return { ok: true, citedSpans: this.check(record, author) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, message: `invalid map: ${error.message}` };
      throw error;
    }
  }

  private check(record: ChangeRecord, author: string): CitedSpan[] {
    for (const root of this.doc.share.keys()) if (!(MAP_ROOTS as readonly string[]).includes(root)) refuse(`unknown part "${root.slice(0, 40)}"`);
    const nodes = mapNodes(this.doc);
    const edges = mapEdges(this.doc);
    // Y.Map's size walks every key: counted only when keys were added (not on every move).
    if (record.nodeKeys.size > 0 && nodes.size > MAP_LIMITS.nodes) refuse(`a map holds at most ${MAP_LIMITS.nodes} nodes`);
    if ([...record.edges.values()].includes(undefined) && edges.size > MAP_LIMITS.edges) refuse(`a map holds at most ${MAP_LIMITS.edges} edges`);
    const cited: CitedSpan[] = [];
    const removedNodes: string[] = [];
    for (const id of new Set([...record.nodeKeys, ...record.nodeContent])) {
      const node = nodes.get(id);
      if (node === undefined) {
        removedNodes.push(id);
        continue;
      }
      if (record.nodeKeys.has(id) && node instanceof Y.Map && node.get('createdBy') !== author) refuse(`node ${id} must be created by its author`);
      cited.push(...checkNode(id, node));
    }
    for (const [id, before] of record.edges) {
      const edge = edges.get(id);
      if (edge === undefined) continue;
      checkEdge(id, edge, (nodeId) => nodes.has(nodeId));
      if (before ? edge.createdBy !== before.createdBy : edge.createdBy !== author) refuse(`edge ${id} must keep the member who created it`);
    }
    if (removedNodes.length > 0) {
      const removed = new Set(removedNodes);
      edges.forEach((edge, id) => {
        if (removed.has(edge.source) || removed.has(edge.target)) refuse(`edge ${id} would point to a removed node`);
      });
    }
    checkOwnEntries('rating', record.ratings, author, 3, (key) => achRatings(this.doc).get(key), (value) => isOneOf(ACH_RATINGS, value));
    checkOwnEntries('weight', record.weights, author, 2, (key) => achWeights(this.doc).get(key), isWeight);
    for (const key of record.settings) {
      const value = mapSettings(this.doc).get(key);
      if (!SETTINGS_FIELDS.has(key)) refuse(`unknown setting "${key.slice(0, 40)}"`);
      if (value !== undefined && typeof value !== 'boolean') refuse(`setting ${key} must be true or false`);
    }
    return cited;
  }
}

function checkNode(id: string, node: unknown): CitedSpan[] {
  if (!ID.test(id)) refuse('a node id must be 1-64 letters, digits, - or _');
  if (!(node instanceof Y.Map)) refuse(`node ${id} must be a map of fields`);
  for (const field of node.keys()) if (!NODE_FIELDS.has(field)) refuse(`node ${id} has an unknown field "${field.slice(0, 40)}"`);
  const kind = node.get('kind');
  if (!isOneOf(MAP_NODE_KINDS, kind)) refuse(`node ${id} has an unknown kind; expected one of ${MAP_NODE_KINDS.join(', ')}`);
  checkString(node.get('text'), MAP_LIMITS.textChars, `node ${id} text`);
  const details = node.get('details');
  if (details !== undefined) checkString(details, MAP_LIMITS.detailsChars, `node ${id} details`);
  for (const axis of ['x', 'y']) {
    const value = node.get(axis);
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 1e7) refuse(`node ${id} ${axis} must be a finite number`);
  }
  const confidence = node.get('confidence');
  if (confidence !== null && confidence !== undefined && !isOneOf(CONFIDENCE_LEVELS, confidence)) refuse(`node ${id} confidence must be one of ${CONFIDENCE_LEVELS.join(', ')}`);
  if (typeof node.get('createdBy') !== 'string' || typeof node.get('createdAt') !== 'string') refuse(`node ${id} must say who created it and when`);
  const actors = node.get('actors');
  if (!(actors instanceof Y.Map)) refuse(`node ${id} actors must be a map`);
  if (actors.size > MAP_LIMITS.actorsPerNode) refuse(`node ${id} names more than ${MAP_LIMITS.actorsPerNode} actors`);
  actors.forEach((stance, actorId) => {
    if (!UUID.test(actorId)) refuse(`node ${id} names an actor by an invalid id`);
    if (!isOneOf(ACTOR_STANCES, stance)) refuse(`node ${id}: an actor's stance must be one of ${ACTOR_STANCES.join(', ')}`);
  });
  const evidence = node.get('evidence');
  if (!(evidence instanceof Y.Array)) refuse(`node ${id} evidence must be a list`);
  if (evidence.length > MAP_LIMITS.evidencePerNode) refuse(`node ${id} cites more than ${MAP_LIMITS.evidencePerNode} passages`);
  return evidence.toArray().map((link) => checkLink(id, link));
}

function checkLink(nodeId: string, link: unknown): CitedSpan {
  if (typeof link !== 'object' || link === null) refuse(`node ${nodeId} has an evidence link that is not an object`);
  const { id, documentId, start, end, exact, annotationId, ...rest } = link as Partial<EvidenceLink>;
  if (Object.keys(rest).length > 0) refuse(`node ${nodeId} has an evidence link with unknown fields`);
  if (typeof id !== 'string' || !ID.test(id)) refuse(`node ${nodeId} has an evidence link without a valid id`);
  if (typeof documentId !== 'string' || !UUID.test(documentId)) refuse(`node ${nodeId} cites a document by an invalid id`);
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) <= (start as number)) refuse(`node ${nodeId} cites an empty or reversed span`);
  checkString(exact, MAP_LIMITS.quoteChars, `node ${nodeId} quote`);
  if (annotationId !== undefined && (typeof annotationId !== 'string' || !UUID.test(annotationId))) refuse(`node ${nodeId} cites an annotation by an invalid id`);
  return { documentId, start: start as number, end: end as number, exact: exact as string, ...(annotationId ? { annotationId } : {}) };
}

function checkEdge(id: string, edge: unknown, nodeExists: (id: string) => boolean): void {
  if (!ID.test(id)) refuse('an edge id must be 1-64 letters, digits, - or _');
  if (typeof edge !== 'object' || edge === null || edge instanceof Y.AbstractType) refuse(`edge ${id} must be a plain record`);
  const { kind, source, target, createdBy, ...rest } = edge as Partial<MapEdgeRecord>;
  if (Object.keys(rest).length > 0) refuse(`edge ${id} has unknown fields`);
  if (!isOneOf(MAP_EDGE_KINDS, kind)) refuse(`edge ${id} has an unknown kind; expected one of ${MAP_EDGE_KINDS.join(', ')}`);
  if (typeof source !== 'string' || typeof target !== 'string' || !nodeExists(source) || !nodeExists(target)) refuse(`edge ${id} must join two nodes of the map`);
  if (source === target) refuse(`edge ${id} joins a node to itself`);
  if (typeof createdBy !== 'string') refuse(`edge ${id} must say who created it`);
}

function checkOwnEntries(what: string, keys: Set<string>, author: string, segments: number, read: (key: string) => unknown, valid: (value: unknown) => boolean): void {
  for (const key of keys) {
    const parts = key.split('/');
    if (parts.length !== segments || parts.some((part) => !ID.test(part))) refuse(`malformed ${what} key`);
    if (ownerOfKey(key) !== author) refuse(`a member may change only their own ${what}s`);
    const value = read(key);
    if (value !== undefined && !valid(value)) refuse(`invalid ${what} value`);
  }
}

function isWeight(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { credibility, relevance, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length === 0 && isOneOf(ACH_WEIGHT_LEVELS, credibility) && isOneOf(ACH_WEIGHT_LEVELS, relevance);
}

function checkString(value: unknown, max: number, what: string): void {
  if (typeof value !== 'string') refuse(`${what} must be text`);
  if (value.length > max) refuse(`${what} is longer than ${max} characters`);
}
