/**
 * What REFI-QDA graphs (networks) become: argument maps (pure; refi-qda-import.service.ts writes
 * them). Marginalia writes each map as a Graph whose vertex shapes say the node's kind and whose
 * edge names are the relation's kind (project-qde.ts); read back, those are exact. A vertex that
 * represents a coded selection cites it as evidence. Graphs from other tools keep their drawing:
 * a shape Marginalia does not use becomes a claim (evidence when the vertex represents a coded
 * passage), a relation it does not know becomes `supports`
 * (`opposes` when drawn dashed), each said in the report. The one ambiguity of Marginalia's own
 * graphs: evidence and notes share the Note shape; a Note that cites a passage, or that supports
 * or opposes something, is evidence, any other a note.
 */
import { MAP_EDGE_KINDS, MAP_LIMITS, codePointLength, type MapEdgeKind, type MapNodeKind, type RefiQdaSkipped } from '@marginalia/shared';
import type { QdeGraph } from './qde-model.js';

/** A passage a vertex cites: a document of the plan, and the annotation made of the same selection, if any. */
export interface PlannedEvidence {
  documentIndex: number;
  annotationIndex: number | null;
  start: number;
  end: number;
  exact: string;
}

export interface PlannedMapNode {
  id: string;
  kind: MapNodeKind;
  text: string;
  x: number;
  y: number;
  evidence: PlannedEvidence | null;
}

export interface PlannedMapEdge {
  id: string;
  kind: MapEdgeKind;
  source: string;
  target: string;
}

export interface PlannedMap {
  title: string;
  nodes: PlannedMapNode[];
  edges: PlannedMapEdge[];
}

/** What the rest of the project says about the GUIDs a vertex may represent. */
export interface GraphLookup {
  /** The passage of a selection that was imported (coded, or kept as a discussion). */
  evidence(guid: string): PlannedEvidence | null;
  /** A name for a code, source, selection or note: the text of a vertex that has none. */
  label(guid: string): string | null;
}

/** The inverse of project-qde.ts's NODE_SHAPES (Note is decided by what the vertex does). */
const KIND_OF_SHAPE: Record<string, MapNodeKind> = { Oval: 'question', RoundedRectangle: 'explanation', Rectangle: 'claim', Star: 'assumption' };
const ELEMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const COORDINATE_LIMIT = 1e7;

function truncate(text: string, max: number): string {
  return codePointLength(text) <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;
}

export function planGraphs(graphs: readonly QdeGraph[], lookup: GraphLookup, skipped: RefiQdaSkipped[]): PlannedMap[] {
  return graphs.flatMap((graph, index) => {
    const title = truncate(graph.name.replace(/\s+/g, ' ').trim() || `Imported network ${index + 1}`, MAP_LIMITS.titleChars);
    if (graph.vertices.length === 0) {
      skipped.push({ kind: 'graph', name: title, reason: 'it has no vertices' });
      return [];
    }
    return [planGraph(graph, title, lookup, skipped)];
  });
}

function planGraph(graph: QdeGraph, title: string, lookup: GraphLookup, skipped: RefiQdaSkipped[]): PlannedMap {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const idFor = (guid: string, fallback: string): string => {
    const cleaned = guid.replace(/[{}]/g, '').toLowerCase();
    const id = ELEMENT_ID.test(cleaned) && !used.has(cleaned) ? cleaned : fallback;
    used.add(id);
    return id;
  };
  const unique = [...new Map(graph.vertices.map((vertex) => [vertex.guid, vertex])).values()];
  const vertices = unique.slice(0, MAP_LIMITS.nodes);
  if (unique.length > vertices.length) skipped.push({ kind: 'graph vertex', name: title, reason: `${unique.length - vertices.length} vertices beyond a map's ${MAP_LIMITS.nodes} were left out` });
  for (const [i, vertex] of vertices.entries()) ids.set(vertex.guid, idFor(vertex.guid, `n${i}`));

  const edges: PlannedMapEdge[] = [];
  const arguing = new Set<string>();
  for (const [i, edge] of graph.edges.entries()) {
    const source = ids.get(edge.sourceGuid);
    const target = ids.get(edge.targetGuid);
    const label = edge.name || `${edge.sourceGuid} → ${edge.targetGuid}`;
    if (!source || !target || source === target) {
      skipped.push({ kind: 'graph edge', name: `${title}: ${label}`, reason: source === target && source ? 'it joins a vertex to itself' : 'it joins a vertex that is not in the graph' });
      continue;
    }
    if (edges.length >= MAP_LIMITS.edges) {
      skipped.push({ kind: 'graph edge', name: `${title}: ${label}`, reason: `a map holds at most ${MAP_LIMITS.edges} edges` });
      continue;
    }
    const known = (MAP_EDGE_KINDS as readonly string[]).includes(edge.name);
    const kind: MapEdgeKind = known ? (edge.name as MapEdgeKind) : edge.lineStyle === 'dashed' ? 'opposes' : 'supports';
    if (!known) skipped.push({ kind: 'graph edge', name: `${title}: ${label}`, reason: `Marginalia has no relation “${truncate(edge.name || 'unnamed', 80)}”: imported as ${kind}` });
    if (kind === 'supports' || kind === 'opposes') arguing.add(source);
    edges.push({ id: idFor(edge.guid, `e${i}`), kind, source, target });
  }

  const nodes = vertices.map((vertex): PlannedMapNode => {
    const id = ids.get(vertex.guid)!;
    const evidence = vertex.representedGuid ? lookup.evidence(vertex.representedGuid) : null;
    const represented = vertex.representedGuid ? lookup.label(vertex.representedGuid) : null;
    const text = truncate((vertex.name.trim() || represented || evidence?.exact || 'Untitled').replace(/\s+/g, ' '), MAP_LIMITS.textChars);
    let kind = vertex.shape ? KIND_OF_SHAPE[vertex.shape] : undefined;
    if (vertex.shape === 'Note') kind = evidence || arguing.has(id) ? 'evidence' : 'note';
    if (!kind) {
      // Drawn without a shape, or one Marginalia does not use: a vertex citing a passage is evidence, any other a claim.
      kind = evidence ? 'evidence' : 'claim';
      if (vertex.shape) skipped.push({ kind: 'graph vertex', name: `${title}: ${text}`, reason: `Marginalia has no node drawn as “${vertex.shape}”: imported as ${kind === 'evidence' ? 'evidence' : 'a claim'}` });
    }
    const inRange = (value: number) => Math.max(-COORDINATE_LIMIT, Math.min(COORDINATE_LIMIT, value));
    const cited = evidence && codePointLength(evidence.exact) <= MAP_LIMITS.quoteChars ? evidence : null;
    if (evidence && !cited) skipped.push({ kind: 'graph vertex', name: `${title}: ${text}`, reason: `the passage it cites is longer than ${MAP_LIMITS.quoteChars} characters: not linked as evidence` });
    return { id, kind, text, x: inRange(vertex.x), y: inRange(vertex.y), evidence: cited };
  });
  return { title, nodes, edges };
}
