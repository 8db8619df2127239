// pnpm bench:corpus: import throughput and search latency on a synthetic corpus of 1,000
// documents (5-50 KB, 100,000+ passages), against the compiled API in this process and a
// scratch database. Prints figures and ratios against a reference run in the same process
// (ILIKE for search); it asserts nothing and is not part of the test suite.
//   BENCH_QUERIES=200 (per kind)  BENCH_DOCUMENTS=1000  BENCH_MIN_PASSAGES=100000  BENCH_PLANS=1 (full plans)
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { startBenchApp } from './bench-app.mjs';
import { BenchClient } from './bench-client.mjs';
import { importCorpus, insertDirectly } from './corpus-import.mjs';
import { explainSearches } from './explain.mjs';
import { KINDS, measureKind } from './search-latency.mjs';
import { ms, ratio, summarise, table, timeEach } from './stats.mjs';
import { SyntheticCorpus } from './synthetic-corpus.mjs';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const MIN_PASSAGES = Number(process.env.BENCH_MIN_PASSAGES ?? 100_000);
const TARGET_MB_PER_S = 2;
const TARGET_P95_MS = 50;

const log = (line = '') => process.stdout.write(`${line}\n`);
const megabytes = (files) => files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / 1_000_000;

async function passageCount(dataSource, workspaceId) {
  const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM passages WHERE workspace_id = $1', [workspaceId]);
  return n;
}

async function setUp(baseUrl) {
  const client = new BenchClient(baseUrl);
  await client.expect(201, 'POST', '/auth/register', { json: { email: `bench-${process.pid}@example.test`, password: 'correct horse battery', displayName: 'Bench' } });
  const workspace = await client.expect(201, 'POST', '/workspaces', { json: { name: 'Benchmark corpus' } });
  return { client, workspaceId: workspace.id };
}

/**
 * Before any request: generating blocks this process (which also runs the server) for seconds,
 * and a keep-alive connection left idle across that block is reset by the server as the next
 * request goes out on it (ECONNRESET once generation took over 5 s on a loaded machine).
 */
function generate(corpus) {
  const generated = performance.now();
  const files = corpus.documents(DOCUMENTS);
  log(`Generated ${files.length} documents, ${megabytes(files).toFixed(1)} MB, in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
  return files;
}

async function importPhase(context, files) {
  const result = await importCorpus({ ...context, files });
  const mb = megabytes(files);
  log(`\nImport throughput (${result.method})`);
  log(
    table(
      ['documents', 'accepted', 'rejected', 'MB', 'seconds', 'documents/s', 'MB/s', `target >= ${TARGET_MB_PER_S} MB/s`],
      [[files.length, result.accepted, result.rejected, mb.toFixed(1), result.seconds.toFixed(1), (files.length / result.seconds).toFixed(1), (mb / result.seconds).toFixed(2), mb / result.seconds >= TARGET_MB_PER_S ? 'met' : 'MISSED']],
    ),
  );
  return files;
}

/** Direct inserts until the workspace has MIN_PASSAGES passages (labelled: not an import measurement). */
async function topUp(context, corpus) {
  let passages = await passageCount(context.dataSource, context.workspaceId);
  let offset = DOCUMENTS;
  while (passages < MIN_PASSAGES) {
    const perDocument = passages / offset || 100;
    const files = corpus.documents(Math.ceil((MIN_PASSAGES - passages) / perDocument) + 1, offset);
    offset += files.length;
    await insertDirectly(context.dataSource, context.workspaceId, files);
    log(`Topped up with ${files.length} documents by direct insert`);
    passages = await passageCount(context.dataSource, context.workspaceId);
  }
  return passages;
}

/** The cheapest authenticated workspace read: what any request costs before search does anything. */
async function httpFloor({ client, workspaceId }) {
  const calls = Array.from({ length: 200 }, () => `/workspaces/${workspaceId}`);
  await timeEach(calls.slice(0, 20), (path) => client.expect(200, 'GET', path));
  return summarise((await timeEach(calls, (path) => client.expect(200, 'GET', path))).durations);
}

async function latencyPhase(context, corpus, sampleTexts) {
  const queries = corpus.queries(QUERIES, sampleTexts);
  const terms = { word: queries.words, phrase: queries.phrases, prefix: queries.prefixes };
  const floor = await httpFloor(context);
  const rows = [['GET /workspaces/:id (floor)', 200, ms(floor.p50), ms(floor.p95), '-', '-', '-', '-', '-', '-', '-', '-', '-', '']];
  const totals = {};
  for (const kind of Object.keys(KINDS)) {
    const result = await measureKind(context, kind, terms[kind]);
    totals[kind] = result.totals;
    rows.push([
      KINDS[kind].label,
      terms[kind].length,
      ms(result.http.p50),
      ms(result.http.p95),
      ms(result.service.p50),
      ms(result.service.p95),
      ms(result.ilike.p50),
      ms(result.ilike.p95),
      ratio(result.http.p50 / result.ilike.p50),
      ratio(result.http.p95 / result.ilike.p95),
      Math.round(result.searchHits),
      Math.round(result.ilikeHits),
      result.capped,
      result.http.p95 < TARGET_P95_MS ? 'met' : 'MISSED',
    ]);
  }
  log(`\nSearch latency, limit 20, one query at a time (search = GET /search over HTTP; service = SearchService without HTTP; ILIKE = plain '%...%' scan, same database)`);
  log(table(['queries', 'n', 'search p50', 'search p95', 'service p50', 'service p95', 'ILIKE p50', 'ILIKE p95', 'p50 ratio', 'p95 ratio', 'mean hits', 'ILIKE hits', '>= 10k hits', `p95 < ${TARGET_P95_MS} ms`], rows));
  log('(ratio = search over HTTP / ILIKE; hits differ by design: search stems and matches whole words, ILIKE matches substrings; totals stop at 10,000)');
  return totals;
}

/** For each kind, the query with the most matches (ranking capped at 10,000) and a median one. */
async function planPhase(context, totals) {
  const samples = Object.entries(totals).flatMap(([kind, entries]) => {
    const sorted = [...entries].sort((a, b) => a.total - b.total);
    return [
      { label: `${KINDS[kind].label}, broadest`, q: sorted.at(-1).q },
      { label: `${KINDS[kind].label}, median`, q: sorted[Math.floor(sorted.length / 2)].q },
    ];
  });
  const plans = await explainSearches(context.dataSource, context.workspaceId, samples);
  log('\nQuery plans (EXPLAIN ANALYZE of the search statements)');
  log(table(['query', 'q', 'page statement', 'passages read', 'count statement*', 'passage scans of the page statement'], plans.map((plan) => [plan.label, plan.q, ms(plan.page.ms), plan.page.read, ms(plan.count.ms), plan.page.scans])));
  log('* the count statement only runs for a page past the last result; otherwise the page statement returns the total');
  if (process.env.BENCH_PLANS) for (const plan of plans) log(`\n${plan.label} "${plan.q}", page:\n${plan.page.tree}\ncount:\n${plan.count.tree}`);
}

async function main() {
  const started = performance.now();
  const bench = await startBenchApp();
  try {
    const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ');
    const [{ server_version: postgres }] = await bench.dataSource.query('SHOW server_version');
    log(`Marginalia corpus benchmark: Node ${process.version}, Postgres ${postgres}, ${os.cpus().length} CPUs, load average ${load()}`);
    log(`Database: ${bench.database.description}`);
    const corpus = new SyntheticCorpus({ seed: 42 });
    const generated = generate(corpus);
    const { client, workspaceId } = await setUp(bench.baseUrl);
    const context = { app: bench.app, client, dataSource: bench.dataSource, workspaceId };
    const files = await importPhase(context, generated);
    const passages = await topUp(context, corpus);
    // What autovacuum would do after a bulk load: statistics for the planner, GIN pending list merged.
    await bench.dataSource.query('VACUUM ANALYZE passages, documents');
    const [{ documents }] = await bench.dataSource.query('SELECT count(*)::int AS documents FROM documents WHERE workspace_id = $1', [workspaceId]);
    log(`\nCorpus: ${documents} documents, ${passages} passages (VACUUM ANALYZE done)`);
    const totals = await latencyPhase(context, corpus, files.slice(0, 100).map((file) => file.text));
    await planPhase(context, totals);
    log(`\nLoad average at the end: ${load()} (other processes on this machine share its CPUs with the API and Postgres)`);
  } finally {
    await bench.close();
  }
  log(`\nDone in ${((performance.now() - started) / 1000).toFixed(0)} s; scratch database dropped.`);
}

main().catch((error) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
