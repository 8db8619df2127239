// pnpm bench:tagging: the API side of tagging, against the compiled API in this process and a
// scratch database, each figure with a reference measured in the same run:
//   1. annotation creation through POST /annotations (anchor check, tag check, quote) vs plain
//      INSERTs of the same rows;
//   2. the reader's query for a document with 5,000 overlapping annotations (GET
//      /annotations?documentId=, gzip accepted as browsers do) vs a plain SELECT of the same
//      rows; target p95 < 30 ms; also the first read after a change, which misses the
//      server's per-revision cache;
//   3. agreement for 5 analysts x 10,000 passages x 50 tags: GET /agreement end to end and the
//      comparison alone, vs a naive computation (every unit passed to the coefficients one by
//      one, no pattern counting); target < 1 s.
// It asserts nothing and is not part of the test suite. Knobs: BENCH_CREATE=1000,
// BENCH_CONCURRENCY=8, BENCH_READER_ANNOTATIONS=5000, BENCH_READS=200, BENCH_PASSAGES=10000,
// BENCH_TAGS=50, BENCH_ANALYSTS=5, BENCH_AGREEMENT_RUNS=5.
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import pg from 'pg';
import { compareCoding, fleissKappa, krippendorffAlphaNominal, percentAgreement } from '@marginalia/shared';
import { startBenchApp } from './bench-app.mjs';
import { BenchClient } from './bench-client.mjs';
import { ms, ratio, summarise, table, timeEach } from './stats.mjs';
import { seededRandom } from './synthetic-corpus.mjs';
import { comparisonAnnotations, insertAnnotations, insertNumberedDocuments, passagesOf, readerAnnotations } from './tagging-data.mjs';

const CREATE = Number(process.env.BENCH_CREATE ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const READER_ANNOTATIONS = Number(process.env.BENCH_READER_ANNOTATIONS ?? 5_000);
const READS = Number(process.env.BENCH_READS ?? 200);
const PASSAGES = Number(process.env.BENCH_PASSAGES ?? 10_000);
const TAGS = Number(process.env.BENCH_TAGS ?? 50);
const ANALYSTS = Number(process.env.BENCH_ANALYSTS ?? 5);
const AGREEMENT_RUNS = Number(process.env.BENCH_AGREEMENT_RUNS ?? 5);
const PASSAGES_PER_DOCUMENT = 100;

const log = (line = '') => process.stdout.write(`${line}\n`);
const met = (ok) => (ok ? 'met' : 'MISSED');

/** Runs `work(i)` for i in 0..count-1 with `concurrency` in flight; returns seconds. */
async function inParallel(count, concurrency, work) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function setUp(baseUrl) {
  const owner = new BenchClient(baseUrl);
  await owner.expect(201, 'POST', '/auth/register', { json: { email: `bench-owner-${process.pid}@example.test`, password: 'correct horse battery', displayName: 'Owner' } });
  const workspace = await owner.expect(201, 'POST', '/workspaces', { json: { name: 'Tagging benchmark' } });
  const analysts = [];
  for (let i = 0; i < ANALYSTS; i += 1) {
    const client = new BenchClient(baseUrl);
    const email = `bench-analyst-${i}-${process.pid}@example.test`;
    const { user } = await client.expect(201, 'POST', '/auth/register', { json: { email, password: 'correct horse battery', displayName: `Analyst ${i + 1}` } });
    const invite = await owner.expect(201, 'POST', `/workspaces/${workspace.id}/members`, { json: { email, role: 'editor' } });
    // Members join by accepting their invitation (consent), as in the product.
    await client.expect(200, 'POST', `/invites/${invite.inviteToken}/accept`);
    analysts.push({ client, id: user.id });
  }
  const tagIds = [];
  for (let i = 0; i < TAGS; i += 1) tagIds.push((await owner.expect(201, 'POST', `/workspaces/${workspace.id}/tags`, { json: { name: `Tag ${i + 1}` } })).id);
  return { owner, workspaceId: workspace.id, analysts, tagIds };
}

async function creationPhase({ dataSource, databaseUrl }, context, document, random) {
  const path = `/workspaces/${context.workspaceId}/annotations`;
  const bodies = readerAnnotations(document, CREATE, context.analysts.map((a) => a.id), context.tagIds, random);
  const apiSeconds = await inParallel(CREATE, CONCURRENCY, async (i) => {
    const { start, end, tagIds, analystId } = bodies[i];
    const analyst = context.analysts.find((a) => a.id === analystId);
    await analyst.client.expect(201, 'POST', path, { json: { documentId: document.id, start, end, tagIds } });
  });
  // Reference: the same rows as plain single-row INSERTs over CONCURRENCY connections, no checks.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const plainSeconds = await inParallel(CREATE, CONCURRENCY, async (i) => {
    const { start, end, tagIds, analystId, exact } = bodies[i];
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(`INSERT INTO annotations (workspace_id, document_id, analyst_id, start, "end", exact, prefix, suffix) VALUES ($1, $2, $3, $4, $5, $6, '', '') RETURNING id`, [
        context.workspaceId,
        document.id,
        analystId,
        start,
        end,
        exact,
      ]);
      await client.query(`INSERT INTO annotation_tags (annotation_id, tag_id) SELECT $1, unnest($2::uuid[])`, [rows[0].id, tagIds]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });
  await pool.end();
  await dataSource.query(`DELETE FROM annotations WHERE document_id = $1`, [document.id]);
  log(`\n1. Annotation creation (${CREATE} annotations, ${CONCURRENCY} in flight, 1-3 tags each)`);
  log(
    table(
      ['path', 'seconds', 'annotations/s', 'ratio to plain'],
      [
        ['POST /annotations (checked, quoted, HTTP)', apiSeconds.toFixed(2), (CREATE / apiSeconds).toFixed(0), ratio(apiSeconds / plainSeconds)],
        ['reference: plain INSERTs, one transaction each', plainSeconds.toFixed(2), (CREATE / plainSeconds).toFixed(0), '1.00x'],
      ],
    ),
  );
}

async function readerPhase({ dataSource, databaseUrl }, context, document, random) {
  await insertAnnotations(dataSource, context.workspaceId, readerAnnotations(document, READER_ANNOTATIONS, context.analysts.map((a) => a.id), context.tagIds, random));
  const path = `/workspaces/${context.workspaceId}/annotations?documentId=${document.id}`;
  const first = await context.owner.expect(200, 'GET', path);
  if (first.annotations.length !== READER_ANNOTATIONS) throw new Error(`expected ${READER_ANNOTATIONS} annotations, got ${first.annotations.length}`);
  const bytes = Buffer.byteLength(JSON.stringify(first));
  // On a starved machine a kept-alive socket is sometimes closed under a request: retry once, counted.
  let retries = 0;
  const read = async () => {
    try {
      return await context.owner.expect(200, 'GET', path);
    } catch (error) {
      if (error?.cause?.code !== 'ECONNRESET') throw error;
      retries += 1;
      return await context.owner.expect(200, 'GET', path);
    }
  };
  const api = await timeEach(Array.from({ length: READS }), read);
  // The first read after a change misses the per-revision cache: any write to the document's
  // annotations moves its revision (the triggers run for a no-op UPDATE too).
  const [{ id: touched }] = await dataSource.query(`SELECT id FROM annotations WHERE document_id = $1 LIMIT 1`, [document.id]);
  const cold = await timeEach(Array.from({ length: Math.max(5, Math.floor(READS / 10)) }), async () => {
    await dataSource.query(`UPDATE annotations SET memo = memo WHERE id = $1`, [touched]);
    const started = performance.now();
    await read();
    return performance.now() - started;
  });
  const coldReads = summarise(cold.results.sort((a, b) => a - b));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const plain = await timeEach(Array.from({ length: READS }), () => client.query(`SELECT * FROM annotations WHERE document_id = $1 ORDER BY start`, [document.id]));
  await client.end();
  const ours = summarise(api.durations);
  const reference = summarise(plain.durations);
  log(`\n2. Reader query: one document with ${READER_ANNOTATIONS} overlapping annotations (${READS} reads, response ${(bytes / 1024).toFixed(0)} KiB${retries ? `, ${retries} reads retried after ECONNRESET` : ''})`);
  log(
    table(
      ['query', 'p50', 'p95', 'max', 'p95 ratio', 'target p95 < 30 ms'],
      [
        ['GET /annotations?documentId= (HTTP, tags, analysts, JSON)', ms(ours.p50), ms(ours.p95), ms(ours.max), ratio(ours.p95 / reference.p95), met(ours.p95 < 30)],
        ['  the same, first read after a change (cache miss)', ms(coldReads.p50), ms(coldReads.p95), ms(coldReads.max), ratio(coldReads.p95 / reference.p95), ''],
        ['reference: plain SELECT * of the same rows (pg)', ms(reference.p50), ms(reference.p95), ms(reference.max), '1.00x', ''],
      ],
    ),
  );
}

/**
 * The naive reference: each (passage, tag) unit gets its values by scanning the analysts' spans
 * of that document and tag, and every unit is handed to the coefficients on its own (no
 * pattern counting). Same definitions, so the figures must match.
 */
function naiveComparison(documents, passagesByDocument, annotations, analystIds, tagIds) {
  const spans = new Map();
  for (const a of annotations) {
    const key = `${a.analystId} ${a.documentId} ${a.tagIds[0]}`;
    if (!spans.has(key)) spans.set(key, []);
    spans.get(key).push(a);
  }
  const units = tagIds.map(() => []);
  for (const document of documents) {
    for (const passage of passagesByDocument.get(document.id)) {
      tagIds.forEach((tagId, t) => {
        const values = analystIds.map((analystId) => ((spans.get(`${analystId} ${document.id} ${tagId}`) ?? []).some((span) => span.start < passage.end && span.end > passage.start) ? 1 : 0));
        units[t].push({ values });
      });
    }
  }
  return units.map((tagUnits) => ({
    percent: percentAgreement(tagUnits),
    alpha: krippendorffAlphaNominal(tagUnits),
    fleiss: fleissKappa(tagUnits.map((unit) => [unit.values.filter((v) => v === 0).length, unit.values.filter((v) => v === 1).length])),
  }));
}

async function agreementPhase({ dataSource }, context, random) {
  const documentCount = Math.ceil(PASSAGES / PASSAGES_PER_DOCUMENT);
  const started = performance.now();
  const documents = await insertNumberedDocuments(dataSource, context.workspaceId, documentCount, PASSAGES_PER_DOCUMENT, random);
  const passagesByDocument = await passagesOf(dataSource, documents.map((document) => document.id));
  const passages = [...passagesByDocument.values()].reduce((sum, list) => sum + list.length, 0);
  const analystIds = context.analysts.map((analyst) => analyst.id);
  const annotations = comparisonAnnotations(documents, passagesByDocument, analystIds, context.tagIds, random);
  await insertAnnotations(dataSource, context.workspaceId, annotations);
  log(`\n3. Agreement: ${analystIds.length} analysts x ${passages} passages x ${context.tagIds.length} tags (${annotations.length} annotations; data set up in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const path = `/workspaces/${context.workspaceId}/agreement?analysts=${analystIds.join(',')}&documents=${documents.map((d) => d.id).join(',')}`;
  const report = await context.owner.expect(200, 'GET', path);
  const endToEnd = await timeEach(Array.from({ length: AGREEMENT_RUNS }), () => context.owner.expect(200, 'GET', path));

  // The comparison alone, on data already in memory (what the endpoint does after its queries).
  const documentIndex = new Map(documents.map((document, i) => [document.id, i]));
  const analystIndex = new Map(analystIds.map((id, i) => [id, i]));
  const tagIndex = new Map(context.tagIds.map((id, i) => [id, i]));
  const compared = documents.map((document) => ({ length: [...document.text].length, passages: passagesByDocument.get(document.id) }));
  const spans = annotations.map((a) => ({ analyst: analystIndex.get(a.analystId), document: documentIndex.get(a.documentId), tag: tagIndex.get(a.tagIds[0]), start: a.start, end: a.end }));
  const pure = await timeEach(Array.from({ length: AGREEMENT_RUNS }), () => compareCoding({ analystCount: analystIds.length, documents: compared, tagCount: context.tagIds.length, spans }));

  const naiveStarted = performance.now();
  const naive = naiveComparison(documents, passagesByDocument, annotations, analystIds, context.tagIds);
  const naiveMs = performance.now() - naiveStarted;
  // Same answers as the reference (the endpoint orders tags by id; compare by tag).
  const byTag = new Map(report.tags.map((tag) => [tag.tagId, tag]));
  const worst = context.tagIds.reduce((max, tagId, t) => Math.max(max, Math.abs(byTag.get(tagId).passages.krippendorffAlpha - naive[t].alpha), Math.abs(byTag.get(tagId).passages.fleissKappa - naive[t].fleiss)), 0);

  const e2e = summarise(endToEnd.durations);
  const alone = summarise(pure.durations);
  log(
    table(
      ['computation', 'p50', 'max', 'p50 ratio to naive', 'target < 1 s'],
      [
        ['GET /agreement (queries + comparison + JSON)', ms(e2e.p50), ms(e2e.max), ratio(e2e.p50 / naiveMs), met(e2e.max < 1000)],
        ['compareCoding alone (passages + characters)', ms(alone.p50), ms(alone.max), ratio(alone.p50 / naiveMs), met(alone.max < 1000)],
        ['reference: naive (spans scanned per unit, units one by one)', ms(naiveMs), ms(naiveMs), '1.00x', ''],
      ],
    ),
  );
  log(`Overall: alpha ${report.overall.krippendorffAlpha.toFixed(3)}, Fleiss ${report.overall.fleissKappa.toFixed(3)}, percent ${(report.overall.percentAgreement * 100).toFixed(1)}%; largest difference from the naive reference ${worst.toExponential(1)}`);
}

const app = await startBenchApp();
try {
  log(`Tagging benchmark: ${os.cpus().length} cores, Node ${process.version}, ${app.database.description}`);
  const random = seededRandom(14);
  const context = await setUp(app.baseUrl);
  const [readerDocument] = await insertNumberedDocuments(app.dataSource, context.workspaceId, 1, 200, random);
  const databaseUrl = app.database.url;
  await creationPhase({ dataSource: app.dataSource, databaseUrl }, context, readerDocument, random);
  await readerPhase({ dataSource: app.dataSource, databaseUrl }, context, readerDocument, random);
  await agreementPhase({ dataSource: app.dataSource }, context, random);
} finally {
  await app.close();
}
