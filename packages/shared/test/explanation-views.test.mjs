/**
 * Explanations side by side and the actors x explanations matrix, on a small map worked out
 * by hand:
 *
 *   q  "Why now?"         x1 -answers-> q, x2 -answers-> q
 *   x1 "Regime insecurity"  actors: a1 holds      x2 "Nationalism" actors: a2 rejects; quotes d3 [0,5)
 *   c1 claim  -supports-> x1                      ev1 evidence (d1 [10,30)) -supports-> x1
 *   ev2 evidence (d2 [0,20)) -opposes-> x1        q2 question -qualifies-> x1 (nobody answers it: open)
 *   q3 question <-qualifies- x2, and c2 -answers-> q3 (answered)
 * Attributions in the corpus:
 *   a3 d1 [25,40) overlaps ev1 -> holds x1; a3 d2 [19,25) overlaps ev2 -> disputes x1: mixed
 *   a4 d1 [30,50) touches ev1's end only (ends are exclusive): no link
 *   a1 d2 [5,6) overlaps ev2 (opposes x1), but a1 holds x1 on the map: the map's stance wins
 *   a5 d3 [4,6) overlaps x2's own quote -> holds x2
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { actorsByExplanations, addEdge, addNode, citedDocumentIds, explanationColumns, readMap } from '../dist/index.js';

const U = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const link = (documentId, start, end) => ({ documentId, start, end, exact: 'x'.repeat(end - start) });

function workedMap() {
  const doc = new Y.Doc();
  const node = (id, kind, extra = {}) => addNode(doc, U, { kind, text: id, x: 0, y: 0, ...extra }, id);
  const edge = (source, kind, target) => addEdge(doc, U, { kind, source, target }, `${source}-${target}`);
  node('q', 'question');
  node('x1', 'explanation', { actors: { a1: 'holds' } });
  node('x2', 'explanation', { actors: { a2: 'rejects' }, evidence: [link('d3', 0, 5)] });
  node('c1', 'claim');
  node('ev1', 'evidence', { evidence: [link('d1', 10, 30)] });
  node('ev2', 'evidence', { evidence: [link('d2', 0, 20)] });
  node('q2', 'question');
  node('q3', 'question');
  node('c2', 'claim');
  edge('x1', 'answers', 'q');
  edge('x2', 'answers', 'q');
  edge('c1', 'supports', 'x1');
  edge('ev1', 'supports', 'x1');
  edge('ev2', 'opposes', 'x1');
  edge('q2', 'qualifies', 'x1');
  edge('x2', 'qualifies', 'q3');
  edge('c2', 'answers', 'q3');
  return readMap(doc);
}

const attributions = [
  { id: 't1', actorId: 'a3', documentId: 'd1', start: 25, end: 40 },
  { id: 't2', actorId: 'a3', documentId: 'd2', start: 19, end: 25 },
  { id: 't3', actorId: 'a4', documentId: 'd1', start: 30, end: 50 },
  { id: 't4', actorId: 'a1', documentId: 'd2', start: 5, end: 6 },
  { id: 't5', actorId: 'a5', documentId: 'd3', start: 4, end: 6 },
];

test('one column per explanation: stances, claims, evidence for and against, questions', () => {
  const [x1, x2] = explanationColumns(workedMap());
  assert.equal(x1.explanation.id, 'x1');
  assert.deepEqual(x1.holders, ['a1']);
  assert.deepEqual(x1.disputers, []);
  assert.deepEqual(x1.claims.map(({ node }) => node.id), ['c1']);
  assert.deepEqual(x1.supporting.map(({ node }) => node.id), ['c1', 'ev1']);
  assert.deepEqual(x1.opposing.map(({ node }) => node.id), ['ev2']);
  assert.deepEqual(x1.counts, { supporting: 2, opposing: 1, supportingQuotes: 1, opposingQuotes: 1, ownQuotes: 0 });
  assert.deepEqual(x1.answers.map((node) => node.id), ['q']);
  assert.deepEqual(x1.questions.map(({ question, open }) => [question.id, open]), [['q2', true]], 'the question it answers is not one it raises');

  assert.deepEqual(x2.disputers, ['a2']);
  assert.equal(x2.counts.ownQuotes, 1);
  assert.deepEqual(x2.questions.map(({ question, open, answeredBy }) => [question.id, open, answeredBy.map((node) => node.id)]), [['q3', false, ['c2']]]);
});

test('actors x explanations: map stances win, attributed quotes add holds, disputes or mixed', () => {
  const matrix = actorsByExplanations(workedMap(), attributions);
  assert.deepEqual(matrix.explanations.map((node) => node.id), ['x1', 'x2']);
  const position = Object.fromEntries(matrix.actors.map((actorId, row) => [actorId, matrix.cells[row].map((cell) => cell.position)]));
  assert.deepEqual(position, {
    a1: ['holds', 'silent'],
    a2: ['silent', 'disputes'],
    a3: ['mixed', 'silent'],
    a5: ['silent', 'holds'],
  });
  assert.equal(matrix.actors.includes('a4'), false, 'a span that only touches a quote is no link');
  const a3 = matrix.cells[matrix.actors.indexOf('a3')][0];
  assert.deepEqual(a3.documentIds, ['d1', 'd2']);
  assert.deepEqual(a3.reasons.map((reason) => [reason.side, reason.via, reason.nodeId, reason.attributionId]), [
    ['holds', 'supporting', 'ev1', 't1'],
    ['disputes', 'opposing', 'ev2', 't2'],
  ]);
  const a1 = matrix.cells[matrix.actors.indexOf('a1')][0];
  assert.deepEqual(a1.reasons.map((reason) => reason.kind), ['map-stance', 'attributed-quote']);
  const a5 = matrix.cells[matrix.actors.indexOf('a5')][1];
  assert.deepEqual([a5.reasons[0].via, a5.documentIds], ['explanation', ['d3']]);
});

test('the documents a map cites, for fetching their attributions', () => {
  assert.deepEqual(citedDocumentIds(workedMap()), ['d1', 'd2', 'd3']);
});
