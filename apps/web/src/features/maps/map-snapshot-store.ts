/**
 * One live MapSnapshot per open map document, shared by every component that reads it. After
 * each change only the nodes that changed are read again: the others keep their objects, so
 * views memoised on a node (the canvas's nodes, the comparison views' rows) skip them. On a
 * 1,000-node map a drag then costs one node, not a thousand.
 */
import { achRatings, achWeights, mapEdges, mapNodes, readMapSettings, readNode, type AchRatingEntry, type AchWeightEntry, type MapEdge, type MapNode, type MapSnapshot } from '@marginalia/shared';
import type * as Y from 'yjs';

export interface MapSnapshotStore {
  subscribe: (onChange: () => void) => () => void;
  getSnapshot: () => MapSnapshot;
}

const stores = new WeakMap<Y.Doc, MapSnapshotStore>();

export function mapSnapshotStore(doc: Y.Doc): MapSnapshotStore {
  let store = stores.get(doc);
  if (!store) {
    store = createStore(doc);
    stores.set(doc, store);
  }
  return store;
}

function createStore(doc: Y.Doc): MapSnapshotStore {
  const nodesRoot = mapNodes(doc);
  const listeners = new Set<() => void>();
  const nodeCache = new Map<string, MapNode>();
  const edgeCache = new Map<string, MapEdge>();
  let dirtyNodes: Set<string> | 'all' = 'all';
  let snapshot: MapSnapshot | null = null;

  // Which nodes a transaction touched: a key of the root (added, removed) or the first step of a nested change's path.
  nodesRoot.observeDeep((events) => {
    if (dirtyNodes === 'all') return;
    for (const event of events) {
      if (event.target === nodesRoot) for (const key of event.keys.keys()) dirtyNodes.add(key);
      else if (event.path[0] !== undefined) dirtyNodes.add(String(event.path[0]));
    }
  });
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.changed.size === 0) return;
    snapshot = null;
    for (const listener of listeners) listener();
  });

  function readNodes(): MapNode[] {
    if (dirtyNodes === 'all') {
      nodeCache.clear();
      nodesRoot.forEach((node, id) => nodeCache.set(id, readNode(id, node)));
    } else {
      for (const id of dirtyNodes) {
        const node = nodesRoot.get(id);
        if (node) nodeCache.set(id, readNode(id, node));
        else nodeCache.delete(id);
      }
    }
    dirtyNodes = new Set();
    return [...nodeCache.values()];
  }

  function readEdges(): MapEdge[] {
    const edges: MapEdge[] = [];
    const seen = new Set<string>();
    mapEdges(doc).forEach((record, id) => {
      seen.add(id);
      const cached = edgeCache.get(id);
      if (cached && cached.kind === record.kind && cached.source === record.source && cached.target === record.target && cached.createdBy === record.createdBy) {
        edges.push(cached);
        return;
      }
      const edge = { id, ...record };
      edgeCache.set(id, edge);
      edges.push(edge);
    });
    for (const id of [...edgeCache.keys()]) if (!seen.has(id)) edgeCache.delete(id);
    return edges;
  }

  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot() {
      if (!snapshot) {
        // Ratings, weights and settings are small and read whole; nodes and edges keep unchanged objects.
        snapshot = { nodes: readNodes(), edges: readEdges(), ratings: readRatings(doc), weights: readWeights(doc), settings: readMapSettings(doc) };
      }
      return snapshot;
    },
  };
}

/** As readMap reads them (keys end with the member's id). */
function readRatings(doc: Y.Doc): AchRatingEntry[] {
  const ratings: AchRatingEntry[] = [];
  achRatings(doc).forEach((rating, key) => {
    const [hypothesisId, evidenceId, userId] = key.split('/');
    if (hypothesisId && evidenceId && userId) ratings.push({ hypothesisId, evidenceId, userId, rating });
  });
  return ratings;
}

function readWeights(doc: Y.Doc): AchWeightEntry[] {
  const weights: AchWeightEntry[] = [];
  achWeights(doc).forEach((weight, key) => {
    const [evidenceId, userId] = key.split('/');
    if (evidenceId && userId) weights.push({ evidenceId, userId, ...weight });
  });
  return weights;
}
