// The ACH matrix part of `pnpm bench:maps`: 20 explanations x 200 evidence items x 10 raters
// (40,000 ratings, 2,000 weights) in a map's Yjs document. The target (under 50 ms) is for
// computeAchMatrix on a snapshot: the map page reads the snapshot once per change for all its
// views, so readMap is timed on its own row and with the matrix, not counted twice. A naive reference, one
// scan of every rating per cell, runs in the same process on the same data and must give the
// same scores; the ratio shows what the indexing buys. Self-contained: `runAchBench()` returns
// the figures for a caller that prints several parts; run directly it prints them.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ACH_RATING_VALUES, ACH_RATINGS, ACH_WEIGHT_FACTORS, ACH_WEIGHT_LEVELS, addNode, computeAchMatrix, rateCell, readMap, weighEvidence } from '@marginalia/shared';
import * as Y from 'yjs';
import { ms, percentile, ratio, table } from './stats.mjs';
import { seededRandom } from './synthetic-corpus.mjs';

const SIZE = { explanations: 20, evidence: 200, raters: 10 };
const TARGET_MS = 50;


const memberId = (index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

function buildMap({ explanations, evidence, raters }) {
  const random = seededRandom(15);
  const pick = (values) => values[Math.floor(random() * values.length)];
  const doc = new Y.Doc();
  const author = memberId(0);
  const hypothesisIds = [];
  const evidenceIds = [];
  doc.transact(() => {
    for (let h = 0; h < explanations; h++) hypothesisIds.push(addNode(doc, author, { kind: 'explanation', text: `Explanation ${h + 1}`, x: h * 200, y: 0 }));
    for (let e = 0; e < evidence; e++) evidenceIds.push(addNode(doc, author, { kind: 'evidence', text: `Evidence ${e + 1}`, x: e * 50, y: 400 }));
    for (let r = 0; r < raters; r++) {
      const userId = memberId(r);
      for (const evidenceId of evidenceIds) {
        weighEvidence(doc, userId, evidenceId, { credibility: pick(ACH_WEIGHT_LEVELS), relevance: pick(ACH_WEIGHT_LEVELS) });
        for (const hypothesisId of hypothesisIds) rateCell(doc, userId, hypothesisId, evidenceId, pick(ACH_RATINGS));
      }
    }
  });
  return doc;
}

/**
 * The obvious way, for reference: for every cell, scan every rating for that cell; for every
 * evidence, scan every weight. Team inconsistency scores only (the part to compare).
 */
function naiveTeamScores(snapshot) {
  const hypotheses = snapshot.nodes.filter((node) => node.kind === 'explanation');
  const evidence = snapshot.nodes.filter((node) => node.kind === 'evidence');
  return new Map(hypotheses.map((hypothesis) => {
    let score = 0;
    for (const item of evidence) {
      const weights = snapshot.weights.filter((weight) => weight.evidenceId === item.id);
      const teamWeight = weights.length === 0 ? 1 : weights.reduce((sum, weight) => sum + ACH_WEIGHT_FACTORS[weight.credibility] * ACH_WEIGHT_FACTORS[weight.relevance], 0) / weights.length;
      const ratings = snapshot.ratings.filter((rating) => rating.hypothesisId === hypothesis.id && rating.evidenceId === item.id && rating.rating !== 'NA');
      if (ratings.length === 0) continue;
      const points = ratings.reduce((sum, rating) => sum + (ACH_RATING_VALUES[rating.rating] < 0 ? -ACH_RATING_VALUES[rating.rating] : 0), 0);
      score += (points / ratings.length) * teamWeight;
    }
    return [hypothesis.id, score];
  }));
}

function timeRuns(runs, work) {
  const durations = [];
  let result;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = work();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 50), max: durations.at(-1), runs, result };
}

export async function runAchBench({ runs = 20, naiveRuns = 2, size = SIZE } = {}) {
  const doc = buildMap(size);
  const snapshot = readMap(doc);
  // Warm up the JIT once, so p50 is the steady state a live view sees on every change.
  computeAchMatrix(readMap(doc));
  const reading = timeRuns(runs, () => readMap(doc));
  const fromDocument = timeRuns(runs, () => computeAchMatrix(readMap(doc)));
  const fromSnapshot = timeRuns(runs, () => computeAchMatrix(snapshot));
  const naive = timeRuns(naiveRuns, () => naiveTeamScores(snapshot));
  const matrix = fromSnapshot.result;
  const agrees = matrix.hypotheses.every((row) => Math.abs(row.inconsistency - naive.result.get(row.hypothesis.id)) < 1e-9);
  return {
    size,
    ratings: snapshot.ratings.length,
    weights: snapshot.weights.length,
    documentBytes: Y.encodeStateAsUpdate(doc).byteLength,
    readMap: { p50: reading.p50, max: reading.max, runs },
    fromDocument: { p50: fromDocument.p50, max: fromDocument.max, runs },
    fromSnapshot: { p50: fromSnapshot.p50, max: fromSnapshot.max, runs },
    naive: { p50: naive.p50, max: naive.max, runs: naiveRuns },
    naiveRatio: naive.p50 / fromSnapshot.p50,
    naiveAgrees: agrees,
    targetMs: TARGET_MS,
    withinTarget: fromSnapshot.p50 < TARGET_MS,
  };
}

export function printAchBench(result) {
  const { size } = result;
  console.log(`ACH matrix: ${size.explanations} explanations x ${size.evidence} evidence x ${size.raters} raters (${result.ratings} ratings, ${result.weights} weights, document ${(result.documentBytes / 1024).toFixed(0)} KiB)`);
  console.log(
    table(
      ['computation', 'runs', 'p50', 'max', 'target'],
      [
        ['computeAchMatrix (snapshot)', result.fromSnapshot.runs, ms(result.fromSnapshot.p50), ms(result.fromSnapshot.max), `< ${TARGET_MS} ms ${result.withinTarget ? 'ok' : 'MISSED'}`],
        ['readMap (Yjs -> snapshot)', result.readMap.runs, ms(result.readMap.p50), ms(result.readMap.max), ''],
        ['readMap + computeAchMatrix', result.fromDocument.runs, ms(result.fromDocument.p50), ms(result.fromDocument.max), ''],
        ['naive reference (scan per cell)', result.naive.runs, ms(result.naive.p50), ms(result.naive.max), ''],
      ],
    ),
  );
  console.log(`naive / computeAchMatrix: ${ratio(result.naiveRatio)}; same team scores: ${result.naiveAgrees ? 'yes' : 'NO'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runAchBench();
  printAchBench(result);
  if (!result.naiveAgrees) process.exitCode = 1;
}
