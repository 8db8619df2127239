/**
 * The ACH matrix against a small matrix worked out by hand (below), built through the same
 * edits the browser uses and read back with readMap. Heuer's own ch. 8 example is not used: its
 * published matrix is unweighted +/- marks, which this scale does not reproduce exactly.
 *
 * Members A and B; explanations h1..h3; evidence e1..e3 (e3 consistent with everything).
 *
 *           e1            e2            e3
 *   h1   A=C  B=CC    A=I  B=C      A=C B=C
 *   h2   A=I  B=II    A=C  B=C      A=C B=C
 *   h3   A=N  B=NA    A=II B=II     A=C B=C
 *
 * Weights (credibility x relevance, factors low .5, medium 1, high 2):
 *   e2: A high/medium = 2, B low/high = 1 -> team 1.5;  e1: nobody -> 1;  e3: A low/low = .25 -> team .25.
 * Cells (values CC 2, C 1, N 0, I -1, II -2; NA left out):
 *   h1e1 1,2: mean 1.5, range 1, sd .5, disagreement .25, inconsistency 0
 *   h2e1 -1,-2: mean -1.5, sd .5, disagreement .25, inconsistency (1+2)/2 x 1 = 1.5
 *   h3e1 0 (B NA): 1 rater, mean 0, disagreement 0
 *   h1e2 -1,1: mean 0, range 2, sd 1, disagreement .5, inconsistency (1+0)/2 x 1.5 = .75
 *   h2e2 1,1: mean 1;  h3e2 -2,-2: mean -2, inconsistency 2 x 1.5 = 3
 * Team scores: h1 .75 (rank 1), h2 1.5 (2), h3 3 (3).
 * A alone (own weights): h1 I on e2 x 2 = 2, h2 I on e1 x 1 = 1, h3 II on e2 x 2 = 4 -> ranks 2, 1, 3.
 * B alone: h1 0, h2 II on e1 = 2, h3 II on e2 x 1 = 2 -> ranks 1, 2, 2 (a tie shares the rank).
 * Diagnosticity (range of the means across h1..h3): e1 1.5,-1.5,0 -> 3 (variance 1.5);
 *   e2 0,1,-2 -> 3 (variance 42/27); e3 1,1,1 -> 0: not diagnostic.
 * Most disputed: h1e2 (.5), then h1e1 and h2e1 (.25 each).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { addNode, computeAchMatrix, rankAscending, rateCell, readMap, removeNodes, revealRatings, setBlindRatings, visibleRatings, weighEvidence } from '../dist/index.js';

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);

function workedExample() {
  const doc = new Y.Doc();
  for (const id of ['h1', 'h2', 'h3']) addNode(doc, A, { kind: 'explanation', text: id, x: 0, y: 0 }, id);
  for (const id of ['e1', 'e2', 'e3']) addNode(doc, A, { kind: 'evidence', text: id, x: 0, y: 0 }, id);
  const table = {
    h1: { e1: ['C', 'CC'], e2: ['I', 'C'], e3: ['C', 'C'] },
    h2: { e1: ['I', 'II'], e2: ['C', 'C'], e3: ['C', 'C'] },
    h3: { e1: ['N', 'NA'], e2: ['II', 'II'], e3: ['C', 'C'] },
  };
  for (const [h, row] of Object.entries(table))
    for (const [e, [a, b]] of Object.entries(row)) {
      rateCell(doc, A, h, e, a);
      rateCell(doc, B, h, e, b);
    }
  weighEvidence(doc, A, 'e2', { credibility: 'high', relevance: 'medium' });
  weighEvidence(doc, B, 'e2', { credibility: 'low', relevance: 'high' });
  weighEvidence(doc, A, 'e3', { credibility: 'low', relevance: 'low' });
  return doc;
}

const cellOf = (matrix, h, e) => matrix.cells[matrix.hypotheses.findIndex((row) => row.hypothesis.id === h)][matrix.evidence.findIndex((column) => column.evidence.id === e)];

test('cells: each member rating, the spread on the -2..2 scale, NA left out', () => {
  const matrix = computeAchMatrix(readMap(workedExample()));
  assert.deepEqual(matrix.members, [A, B]);
  const h1e1 = cellOf(matrix, 'h1', 'e1');
  assert.deepEqual(h1e1.ratings, { [A]: 'C', [B]: 'CC' });
  assert.equal(h1e1.raters, 2);
  close(h1e1.mean, 1.5);
  assert.equal(h1e1.range, 1);
  close(h1e1.stdDev, 0.5);
  close(h1e1.disagreement, 0.25);
  const h3e1 = cellOf(matrix, 'h3', 'e1');
  assert.deepEqual(h3e1.distribution, { CC: 0, C: 0, N: 1, I: 0, II: 0, NA: 1 });
  assert.equal(h3e1.raters, 1);
  assert.equal(h3e1.disagreement, 0);
  const h1e2 = cellOf(matrix, 'h1', 'e2');
  assert.equal(h1e2.range, 2);
  close(h1e2.disagreement, 0.5);
  close(h1e2.inconsistency, 0.75);
  close(cellOf(matrix, 'h2', 'e1').inconsistency, 1.5);
  close(cellOf(matrix, 'h3', 'e2').inconsistency, 3);
});

test('weights: credibility x relevance per member, the mean of those who weighed for the team', () => {
  const matrix = computeAchMatrix(readMap(workedExample()));
  const [e1, e2, e3] = matrix.evidence;
  assert.deepEqual([e1.evidence.id, e2.evidence.id, e3.evidence.id], ['e1', 'e2', 'e3']);
  assert.equal(e1.teamWeight, 1);
  assert.deepEqual(e1.weightByMember, {});
  assert.deepEqual(e2.weightByMember, { [A]: 2, [B]: 1 });
  close(e2.teamWeight, 1.5);
  close(e3.teamWeight, 0.25);
});

test('inconsistency scores rank the explanations, for the team and for each member', () => {
  const matrix = computeAchMatrix(readMap(workedExample()));
  const scores = Object.fromEntries(matrix.hypotheses.map((row) => [row.hypothesis.id, row]));
  close(scores.h1.inconsistency, 0.75);
  close(scores.h2.inconsistency, 1.5);
  close(scores.h3.inconsistency, 3);
  assert.deepEqual([scores.h1.rank, scores.h2.rank, scores.h3.rank], [1, 2, 3]);
  assert.deepEqual([scores.h1.byMember[A], scores.h2.byMember[A], scores.h3.byMember[A]].map(({ inconsistency, rank }) => [inconsistency, rank]), [[2, 2], [1, 1], [4, 3]]);
  assert.deepEqual([scores.h1.byMember[B], scores.h2.byMember[B], scores.h3.byMember[B]].map(({ inconsistency, rank }) => [inconsistency, rank]), [[0, 1], [2, 2], [2, 2]]);
  assert.equal(scores.h3.byMember[B].ratedCells, 2, "B's NA on h3/e1 is not a rated cell");
  assert.equal(scores.h3.ratedCells, 3);
});

test('diagnosticity: evidence rated alike for every explanation scores 0', () => {
  const matrix = computeAchMatrix(readMap(workedExample()));
  const [e1, e2, e3] = matrix.evidence;
  assert.equal(e1.diagnosticity, 3);
  close(e1.diagnosticVariance, 1.5);
  assert.equal(e2.diagnosticity, 3);
  close(e2.diagnosticVariance, 42 / 27);
  assert.equal(e3.diagnosticity, 0);
  assert.equal(e3.diagnosticVariance, 0);
});

test('the most disputed cells come first, ties in map order; top N is respected', () => {
  const matrix = computeAchMatrix(readMap(workedExample()));
  assert.deepEqual(matrix.mostDisputed.map((cell) => `${cell.hypothesisId}/${cell.evidenceId}`), ['h1/e2', 'h1/e1', 'h2/e1']);
  assert.equal(computeAchMatrix(readMap(workedExample()), { topDisagreements: 1 }).mostDisputed.length, 1);
});

test('claims join the columns only when asked; ratings of removed nodes are ignored', () => {
  const doc = workedExample();
  addNode(doc, A, { kind: 'claim', text: 'a claim', x: 0, y: 0 }, 'e9'); // an id that sorts last, as it is created last
  rateCell(doc, A, 'h1', 'e9', 'II');
  assert.deepEqual(computeAchMatrix(readMap(doc)).evidence.map((column) => column.evidence.id), ['e1', 'e2', 'e3']);
  const withClaims = computeAchMatrix(readMap(doc), { evidenceKinds: ['evidence', 'claim'] });
  assert.deepEqual(withClaims.evidence.map((column) => column.evidence.id), ['e1', 'e2', 'e3', 'e9']);
  close(withClaims.hypotheses[0].inconsistency, 0.75 + 2);
  removeNodes(doc, ['e2']);
  const without = computeAchMatrix(readMap(doc));
  assert.deepEqual(without.hypotheses.map((row) => row.inconsistency), [0, 1.5, 0]);
  assert.deepEqual(without.hypotheses.map((row) => row.rank), [1, 3, 1]);
});

test('blind mode shows a member only their own ratings and weights until revealed', () => {
  const doc = workedExample();
  assert.equal(visibleRatings(readMap(doc), A).ratings.length, 18, 'not blind: everything');
  setBlindRatings(doc, true);
  const blind = visibleRatings(readMap(doc), A);
  assert.ok(blind.ratings.length === 9 && blind.ratings.every((entry) => entry.userId === A));
  assert.ok(blind.weights.length === 2 && blind.weights.every((entry) => entry.userId === A));
  const mine = computeAchMatrix(blind);
  assert.deepEqual(mine.members, [A]);
  assert.deepEqual(mine.mostDisputed, []);
  revealRatings(doc, true);
  assert.equal(visibleRatings(readMap(doc), A).ratings.length, 18);
});

test('competition ranking: ties share the better rank', () => {
  assert.deepEqual(rankAscending([3, 1, 1, 2]), [4, 1, 1, 3]);
  assert.deepEqual(rankAscending([]), []);
});
