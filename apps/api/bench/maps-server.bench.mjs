// The server side of pnpm bench:maps: for a map of 1,000 nodes and 1,500 edges, its Yjs
// document size, and the time the server's Yjs sandbox takes per untrusted update of it:
// applied and judged by the map guard (kind 'map'), against the same updates applied
// without a guard (a notebook-like kind) in the same run. Typical edits: moving a node,
// retyping its text, adding a node with an edge, rating an ACH cell.
// Knobs: BENCH_MAP_NODES=1000, BENCH_MAP_EDGES=1500, BENCH_MAP_UPDATES=400.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { addEdge, addNode, moveNodes, rateCell, updateNode } from '@marginalia/shared';
import * as Y from 'yjs';
import { YjsSandbox } from '../dist/modules/collab/yjs-sandbox.js';
import { syntheticMap } from './map-data.mjs';
import { ms, ratio, summarise, table } from './stats.mjs';
import { seededRandom } from './synthetic-corpus.mjs';

const NODES = Number(process.env.BENCH_MAP_NODES ?? 1_000);
const EDGES = Number(process.env.BENCH_MAP_EDGES ?? 1_500);
const UPDATES = Number(process.env.BENCH_MAP_UPDATES ?? 400);
const USER = '5b0f3c2e-1d4a-4e8b-9c61-0a2d3e4f5a6b';

/** The client's edits, each captured as the update it would send. */
function typicalUpdates(doc, ids, random) {
  const updates = [];
  const capture = (edit) => {
    const before = Y.encodeStateVector(doc);
    edit();
    updates.push(Y.encodeStateAsUpdate(doc, before));
  };
  for (let i = 0; i < UPDATES; i += 1) {
    const node = ids[Math.floor(random() * ids.length)];
    switch (i % 4) {
      case 0:
        capture(() => moveNodes(doc, new Map([[node, { x: random() * 10_000, y: random() * 4_000 }]])));
        break;
      case 1:
        capture(() => updateNode(doc, node, { text: `retyped ${i}` }));
        break;
      case 2:
        capture(() => {
          const added = addNode(doc, USER, { kind: 'claim', text: `new claim ${i}`, x: 0, y: 0 });
          addEdge(doc, USER, { kind: 'supports', source: added, target: node });
        });
        break;
      default:
        capture(() => rateCell(doc, USER, node, ids[Math.floor(random() * ids.length)], 'I'));
    }
  }
  return updates;
}

async function timeThroughSandbox(kind, state, updates) {
  const name = `bench-${kind}`;
  const sandbox = new YjsSandbox({ deadlineMs: 10_000, maxHeapMb: 512, liveState: () => ({ state, kind }) });
  try {
    await sandbox.apply(name, updates[0], { kind, author: USER }); // loads the mirror
    const durations = [];
    for (const update of updates.slice(1)) {
      const started = performance.now();
      await sandbox.apply(name, update, { kind, author: USER });
      durations.push(performance.now() - started);
    }
    return durations.sort((a, b) => a - b);
  } finally {
    await sandbox.close();
  }
}

export async function runMapServerBench(log = (line) => process.stdout.write(`${line}\n`)) {
  const random = seededRandom(15);
  const { doc, ids } = syntheticMap({ nodes: NODES, edges: EDGES, userId: USER, random });
  const state = Y.encodeStateAsUpdate(doc);
  const client = new Y.Doc();
  Y.applyUpdate(client, state);
  const updates = typicalUpdates(client, ids, random);
  const guarded = summarise(await timeThroughSandbox('map', state, updates));
  const plain = summarise(await timeThroughSandbox('notebook', state, updates));
  log(`\nServer: a map of ${NODES} nodes and ${EDGES} edges; Yjs document ${(state.byteLength / 1024).toFixed(0)} KiB (${(state.byteLength / NODES).toFixed(0)} bytes per node)`);
  log(`Per untrusted update through the Yjs sandbox worker (${updates.length - 1} updates: move, retype, add node + edge, rate a cell)`);
  log(
    table(
      ['path', 'p50', 'p95', 'max', 'p95 ratio'],
      [
        ['applied and judged by the map guard', ms(guarded.p50), ms(guarded.p95), ms(guarded.max), ratio(guarded.p95 / plain.p95)],
        ['reference: applied without a guard', ms(plain.p50), ms(plain.p95), ms(plain.max), '1.00x'],
      ],
    ),
  );
  return { bytes: state.byteLength, guarded, plain };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`Argument map benchmark (server): ${os.cpus().length} cores, Node ${process.version}\n`);
  await runMapServerBench();
}
