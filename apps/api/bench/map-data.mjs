// A synthetic argument map for the benchmarks: `nodes` nodes in layered rows (questions,
// explanations, claims, evidence) and `edges` edges between them, built with the same edit
// functions as the web client, so it is what a real client would have sent.
import { addEdge, addNode } from '@marginalia/shared';
import * as Y from 'yjs';

const KINDS = ['question', 'explanation', 'claim', 'evidence', 'assumption', 'note'];
const EDGE_KINDS = ['supports', 'opposes', 'explains', 'qualifies', 'answers'];

export function syntheticMap({ nodes = 1_000, edges = 1_500, userId, random }) {
  const doc = new Y.Doc();
  const ids = [];
  for (let i = 0; i < nodes; i += 1) {
    const kind = KINDS[Math.min(KINDS.length - 1, Math.floor((i / nodes) * 4))];
    ids.push(addNode(doc, userId, { kind, text: `${kind} ${i + 1}: the campaign shows the Party's ${i % 2 ? 'insecurity' : 'strength'}`, x: (i % 40) * 260, y: Math.floor(i / 40) * 160 }));
  }
  const seen = new Set();
  while (seen.size < edges) {
    const source = Math.floor(random() * nodes);
    const target = Math.floor(random() * nodes);
    if (source === target || seen.has(`${source} ${target}`)) continue;
    seen.add(`${source} ${target}`);
    addEdge(doc, userId, { kind: EDGE_KINDS[seen.size % EDGE_KINDS.length], source: ids[source], target: ids[target] });
  }
  return { doc, ids };
}
