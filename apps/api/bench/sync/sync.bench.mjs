// pnpm bench:sync: real-time sync under load, Marginalia's collab server against Hocuspocus 4
// (the reference, from npm) in the same run, each server in its own process, the simulated
// editors in this one. Prints propagation latency, acknowledged updates per second, time to
// acknowledge, server memory per idle connection and the cold load of a long history, with
// ratios and the targets of issue #4. It asserts nothing and is not part of the test suite.
//   BENCH_CLIENTS=50,200  BENCH_RATE=4,1 (updates/s per editor, one per client count)
//   BENCH_SECONDS=15  BENCH_WARMUP=3  BENCH_THROUGHPUT_CLIENTS=50  BENCH_THROUGHPUT_CAP=180
//   BENCH_THROUGHPUT_WINDOW=8  BENCH_IDLE=1000  BENCH_HISTORY=100000  BENCH_COLD_RUNS=5
//   BENCH_ONLY=ours|reference  BENCH_SERVER_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof'
//   BENCH_PLAIN_CLIENT=1 (our editors without the single-message `y` events, as plain socket.io-client)
//   BENCH_API_DIST=dist (another build of the API)  DATABASE_URL (server for the scratch database)
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { coldLoadOurs, coldLoadReference, makeHistory } from './cold-load.mjs';
import { idleMemory, steadyRun, throughputRun } from './load.mjs';
import { report } from './report.mjs';
import { apiDist, startOurServer, startReferenceServer } from './servers.mjs';

const list = (value, fallback) => (value ?? fallback).split(',').map((item) => Number(item.trim()));
const CLIENTS = list(process.env.BENCH_CLIENTS, '50,200');
const RATES = list(process.env.BENCH_RATE, '4,1');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const THROUGHPUT = {
  clients: Number(process.env.BENCH_THROUGHPUT_CLIENTS ?? 50),
  cap: Number(process.env.BENCH_THROUGHPUT_CAP ?? 180),
  window: Number(process.env.BENCH_THROUGHPUT_WINDOW ?? 8),
  warmupSeconds: WARMUP,
  seconds: Math.max(5, Math.round(SECONDS * 0.67)),
};
const IDLE = Number(process.env.BENCH_IDLE ?? 1000);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 100_000);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY;

const log = (line = '') => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(', ');
const rateFor = (index) => RATES[Math.min(index, RATES.length - 1)];

/**
 * The phases, each run against one server and then the other before the next phase starts,
 * so that whatever else the machine is doing weighs on both alike. Every phase uses its own
 * documents, so none sees another's.
 */
function phases(history) {
  // Idle memory first, while the servers' heaps hold no garbage from the load phases.
  const idle = {
    label: `${IDLE} idle connections`,
    run: async (server, result) => (result.idle = await idleMemory(server, server.docs[CLIENTS.length + 1].docName, { connections: IDLE })),
  };
  const list = CLIENTS.map((clients, index) => ({
    label: `${clients} editors x ${rateFor(index)}/s for ${WARMUP} + ${SECONDS} s`,
    run: async (server, result) => result.steady.push(await steadyRun(server, server.docs[index].docName, { clients, rate: rateFor(index), warmupSeconds: WARMUP, seconds: SECONDS })),
  }));
  list.push({
    label: `throughput, ${THROUGHPUT.clients} editors, up to ${THROUGHPUT.window} unacknowledged and ${THROUGHPUT.cap}/s each`,
    run: async (server, result) => (result.throughput = await throughputRun(server, server.docs[CLIENTS.length].docName, THROUGHPUT)),
  });
  list.push({
    label: `cold load of a ${HISTORY.toLocaleString('en')}-update history`,
    run: async (server, result, coldLoad) => (result.cold = await coldLoad(server, history, { runs: COLD_RUNS, docs: server.docs.slice(CLIENTS.length + 2).map((doc) => doc.docName) })),
  });
  return [idle, ...list];
}

function referenceVersion() {
  return JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve('@hocuspocus/server'))), '../package.json'), 'utf8')).version;
}

async function main() {
  const started = performance.now();
  const results = {};
  log(`Marginalia sync benchmark: Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${load()}`);
  const workspaces = CLIENTS.length + 3 + COLD_RUNS;
  const history = makeHistory(HISTORY);
  log(`History for the cold load: ${history.updates.length.toLocaleString('en')} updates, ${(history.bytes / 1e6).toFixed(1)} MB, compacted to ${(history.compacted.length / 1e6).toFixed(2)} MB`);
  const servers = [];
  let seed;
  try {
    if (ONLY !== 'reference') {
      servers.push({ key: 'ours', server: await startOurServer({ workspaces }), coldLoad: coldLoadOurs });
      log(`Marginalia: ${path.relative(process.cwd(), apiDist)}/main.js, pid ${servers.at(-1).server.pid}, scratch database ${servers.at(-1).server.databaseName}`);
    }
    if (ONLY !== 'ours') {
      seed = await coldLoadReference.prepare(history);
      servers.push({ key: 'reference', server: await startReferenceServer({ ...seed, documents: workspaces }), coldLoad: coldLoadReference });
      log(`Hocuspocus: @hocuspocus/server ${referenceVersion()}, pid ${servers.at(-1).server.pid}, in memory`);
    }
    for (const { key, server } of servers) results[key] = { server: server.label, steady: [] };
    for (const phase of phases(history)) {
      for (const { key, server, coldLoad } of servers) {
        log(`  ${server.label}: ${phase.label}`);
        await phase.run(server, results[key], coldLoad);
      }
    }
  } finally {
    for (const { server } of servers) await server.close();
    if (seed) await rm(path.dirname(seed.seedFile), { recursive: true, force: true });
  }
  log();
  report(results, { log, clients: CLIENTS, throughput: THROUGHPUT, idle: IDLE, history: HISTORY, seconds: SECONDS });
  log(`\nLoad average at the end: ${load()}`);
  log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
