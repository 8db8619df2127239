/**
 * Argument maps as AIF JSON, the AIFdb/OVA interchange format (Argument Interchange Format:
 * `{ nodes: [{nodeID, text, type, timestamp}], edges: [{edgeID, fromID, toID, formEdgeID}],
 * locutions: [] }`), so OVA and AIFdb users can open them. The mapping, since AIF has fewer
 * kinds than Marginalia:
 * - question, explanation, claim, evidence and assumption nodes -> I-nodes (their text);
 *   notes are commentary, not propositions, and are left out with their edges;
 * - an edge A -> B becomes A -> S -> B through a scheme node S of its own:
 *   supports -> RA "Default Inference"; explains -> RA "Explanation" (an explanation is an
 *   inference to what it explains); answers -> RA "Answer" (AIF has no questions: the answer
 *   is read as the reason offered for the question's node);
 *   opposes -> CA "Default Conflict"; qualifies -> CA "Qualification" (a qualification is a
 *   partial conflict: it limits the node it qualifies).
 * IDs are numbers as strings, in the maps' order, because OVA and AIFdb number their nodes
 * so; the same snapshot always gives the same IDs. All maps (or those in `?maps=`) go into
 * one graph, as AIFdb's nodesets do.
 */
import type { ExportMap, MapEdgeKind, WorkspaceExport } from '@marginalia/shared';
import { optionList, type ExportFormat } from '../export-format.js';

export type AifNodeType = 'I' | 'RA' | 'CA';

export interface AifNode {
  nodeID: string;
  text: string;
  type: AifNodeType;
  timestamp: string;
}
export interface AifEdge {
  edgeID: string;
  fromID: string;
  toID: string;
  formEdgeID: null;
}
export interface AifDocument {
  nodes: AifNode[];
  edges: AifEdge[];
  locutions: never[];
}

export const AIF_EDGE_SCHEMES: Record<MapEdgeKind, { type: 'RA' | 'CA'; text: string }> = {
  supports: { type: 'RA', text: 'Default Inference' },
  explains: { type: 'RA', text: 'Explanation' },
  answers: { type: 'RA', text: 'Answer' },
  opposes: { type: 'CA', text: 'Default Conflict' },
  qualifies: { type: 'CA', text: 'Qualification' },
};

/** AIFdb's timestamp form: "YYYY-MM-DD HH:MM:SS" (UTC). */
function aifTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19).replace('T', ' ');
}

export function writeAif(maps: readonly ExportMap[]): AifDocument {
  const aif: AifDocument = { nodes: [], edges: [], locutions: [] };
  let nextNode = 1;
  let nextEdge = 1;
  const edge = (fromID: string, toID: string): void => void aif.edges.push({ edgeID: String(nextEdge++), fromID, toID, formEdgeID: null });
  for (const map of maps) {
    const ids = new Map<string, string>();
    for (const node of map.nodes) {
      if (node.kind === 'note') continue;
      const nodeID = String(nextNode++);
      ids.set(node.id, nodeID);
      aif.nodes.push({ nodeID, text: node.text, type: 'I', timestamp: aifTimestamp(node.createdAt) });
    }
    for (const mapEdge of map.edges) {
      const from = ids.get(mapEdge.source);
      const to = ids.get(mapEdge.target);
      if (from === undefined || to === undefined) continue;
      const scheme = AIF_EDGE_SCHEMES[mapEdge.kind];
      const schemeID = String(nextNode++);
      aif.nodes.push({ nodeID: schemeID, text: scheme.text, type: scheme.type, timestamp: aifTimestamp(map.createdAt) });
      edge(from, schemeID);
      edge(schemeID, to);
    }
  }
  return aif;
}

export const aifExportFormat: ExportFormat = {
  id: 'aif',
  label: 'AIF JSON (argument maps)',
  description: 'Argument maps in the Argument Interchange Format, for OVA and AIFdb: claims and evidence as I-nodes, supports as RA, opposes as CA.',
  mediaType: 'application/json; charset=utf-8',
  extension: 'json',
  options: [{ name: 'maps', label: 'Maps', kind: 'choices' }],
  serialize(snapshot: WorkspaceExport, options) {
    const chosen = optionList(options, 'maps');
    const maps = snapshot.maps.filter((map) => (chosen ? chosen.has(map.id) : !map.archived));
    return `${JSON.stringify(writeAif(maps), null, 2)}\n`;
  },
};
