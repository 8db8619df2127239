/**
 * Automatic layered layout with elkjs, run in a web worker (ELK is 1.5 MB of compiled Java and
 * takes a while on large maps: the canvas must stay responsive meanwhile). The worker script
 * is fetched on the first layout only. Edges point from support to what is supported, so the
 * layers run upwards: questions on top, explanations under them, evidence at the bottom.
 */
import type { MapSnapshot } from '@marginalia/shared';
import type { ELK } from 'elkjs/lib/elk-api';

let elkInstance: Promise<ELK> | null = null;

function loadElk(): Promise<ELK> {
  elkInstance ??= (async () => {
    const [{ default: ElkApi }, { default: workerUrl }] = await Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]);
    return new ElkApi({ workerUrl });
  })();
  return elkInstance;
}

const DEFAULT_SIZE = { width: 240, height: 90 };

export async function layeredLayout(
  snapshot: MapSnapshot,
  measured: ReadonlyMap<string, { width: number; height: number }>,
): Promise<Map<string, { x: number; y: number }>> {
  const elk = await loadElk();
  const graph = await elk.layout({
    id: 'map',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'UP',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: snapshot.nodes.map((node) => ({ id: node.id, ...(measured.get(node.id) ?? DEFAULT_SIZE) })),
    edges: snapshot.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of graph.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
