// The map guard, as the server's sandbox uses it: a client's update applied to a mirror, then
// judged. Valid edits pass and report the spans they cite; invalid ones are refused with why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { MapGuard, addEdge, addEvidenceLink, addNode, mapEdges, mapNodes, rateCell, removeNodes, setEdgeKind, weighEvidence } from '../dist/index.js';

const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const DOCUMENT = '33333333-3333-4333-8333-333333333333';

/** A server mirror and a client; `edit` runs on the client, its update is judged as `author`'s. */
function harness() {
  const server = new Y.Doc();
  const guard = new MapGuard(server);
  const client = new Y.Doc();
  const judge = (author, edit) => {
    const before = Y.encodeStateVector(client);
    edit(client);
    const update = Y.encodeStateAsUpdate(client, before);
    Y.applyUpdate(server, update);
    return guard.judge(author);
  };
  return { server, client, judge, guard };
}

test('a node, an edge and own ratings pass; the spans cited are reported', () => {
  const { judge } = harness();
  let question, explanation;
  assert.deepEqual(judge(ALICE, (doc) => (question = addNode(doc, ALICE, { kind: 'question', text: 'Why now?', x: 0, y: 0 }))), { ok: true, citedSpans: [] });
  const verdict = judge(ALICE, (doc) => {
    explanation = addNode(doc, ALICE, { kind: 'explanation', text: 'Regime insecurity', x: 10, y: 10, evidence: [{ documentId: DOCUMENT, start: 3, end: 9, exact: 'abcdef' }] });
  });
  assert.equal(verdict.ok, true);
  assert.deepEqual(verdict.citedSpans, [{ documentId: DOCUMENT, start: 3, end: 9, exact: 'abcdef' }]);
  assert.equal(judge(ALICE, (doc) => addEdge(doc, ALICE, { kind: 'answers', source: explanation, target: question })).ok, true);
  assert.equal(judge(ALICE, (doc) => rateCell(doc, ALICE, explanation, question, 'C')).ok, true);
  assert.equal(judge(ALICE, (doc) => weighEvidence(doc, ALICE, question, { credibility: 'high', relevance: 'low' })).ok, true);
});

test('a colleague may edit and change the kind of an edge, but not rate for someone else', () => {
  const { judge } = harness();
  let a, b, edge;
  judge(ALICE, (doc) => {
    a = addNode(doc, ALICE, { kind: 'claim', text: 'A', x: 0, y: 0 });
    b = addNode(doc, ALICE, { kind: 'claim', text: 'B', x: 0, y: 0 });
    edge = addEdge(doc, ALICE, { kind: 'supports', source: a, target: b });
  });
  assert.equal(judge(BOB, (doc) => mapNodes(doc).get(a).set('text', 'A, reworded')).ok, true);
  assert.equal(judge(BOB, (doc) => setEdgeKind(doc, edge, 'opposes')).ok, true);
  assert.match(judge(BOB, (doc) => rateCell(doc, ALICE, a, b, 'II')).message, /only their own rating/);
  assert.match(judge(BOB, (doc) => mapEdges(doc).set(edge, { kind: 'opposes', source: a, target: b, createdBy: BOB })).message, /keep the member who created it/);
});

test('structural damage is refused with the reason', () => {
  const cases = [
    ['an edge to a missing node', (doc) => addEdge(doc, ALICE, { kind: 'supports', source: 'nope', target: 'nada' }), /join two nodes/],
    ['an unknown node kind', (doc) => addNode(doc, ALICE, { kind: 'rumour', text: 'x', x: 0, y: 0 }), /unknown kind/],
    ['an unknown edge kind', (doc) => {
      const a = addNode(doc, ALICE, { kind: 'claim', text: 'A', x: 0, y: 0 });
      const b = addNode(doc, ALICE, { kind: 'claim', text: 'B', x: 0, y: 0 });
      addEdge(doc, ALICE, { kind: 'causes', source: a, target: b });
    }, /unknown kind/],
    ['a node created in someone else\'s name', (doc) => addNode(doc, BOB, { kind: 'claim', text: 'x', x: 0, y: 0 }), /created by its author/],
    ['an unknown root', (doc) => doc.getMap('secrets').set('a', 1), /unknown part/],
    ['a position that is not a number', (doc) => addNode(doc, ALICE, { kind: 'claim', text: 'x', x: Number.NaN, y: 0 }), /finite number/],
    ['an empty cited span', (doc) => addNode(doc, ALICE, { kind: 'evidence', text: 'x', x: 0, y: 0, evidence: [{ documentId: DOCUMENT, start: 4, end: 4, exact: '' }] }), /empty or reversed/],
    ['text over the limit', (doc) => addNode(doc, ALICE, { kind: 'claim', text: 'x'.repeat(2_001), x: 0, y: 0 }), /longer than 2000/],
  ];
  for (const [what, edit, reason] of cases) {
    const verdict = harness().judge(ALICE, edit);
    assert.equal(verdict.ok, false, what);
    assert.match(verdict.message, reason, what);
  }
});

test('removing a node without its edges is refused; removing both passes', () => {
  const { judge, client } = harness();
  let a, b;
  judge(ALICE, (doc) => {
    a = addNode(doc, ALICE, { kind: 'claim', text: 'A', x: 0, y: 0 });
    b = addNode(doc, ALICE, { kind: 'claim', text: 'B', x: 0, y: 0 });
    addEdge(doc, ALICE, { kind: 'supports', source: a, target: b });
  });
  const fork = new Y.Doc();
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(client));
  const { judge: judgeFork } = (() => {
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const guard = new MapGuard(server);
    return {
      judge: (author, edit) => {
        const before = Y.encodeStateVector(fork);
        edit(fork);
        Y.applyUpdate(server, Y.encodeStateAsUpdate(fork, before));
        return guard.judge(author);
      },
    };
  })();
  assert.match(judgeFork(BOB, (doc) => mapNodes(doc).delete(a)).message, /removed node/);
  assert.equal(judge(BOB, (doc) => removeNodes(doc, [a])).ok, true);
  assert.equal(judge(BOB, (doc) => addEvidenceLink(doc, b, { documentId: DOCUMENT, start: 0, end: 5, exact: 'hello' })).ok, true);
});
