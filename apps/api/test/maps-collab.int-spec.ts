/**
 * Argument maps through the real-time core, with real sockets and Postgres: members edit a
 * map together; the map guard refuses invalid updates (never stored, never relayed) with the
 * reason; cited spans are checked against the workspace's documents; viewers cannot edit;
 * evidence links are projected into SQL for "where is this passage cited"; duplicate copies
 * the current content.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addEdge, addEvidenceLink, addNode, mapEdges, mapNodes, rateCell, readMap, type MapCitationList } from '@marginalia/shared';
import * as Y from 'yjs';
import { DocumentRegistry } from '../src/modules/collab/document-registry.service.js';
import { eventually, type YClient } from './collab-client.js';
import { CollabSession } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, insertDocument, registerCast, type Cast } from './fixtures.js';

const TEXT = 'Analysts say the campaign reflects regime insecurity. Others see nationalism at work.';

let app: TestApp;
let session: CollabSession;
let cast: Cast;
let workspaceId: string;
let documentId: string;

beforeAll(async () => {
  app = await createTestApp();
  session = new CollabSession(app.baseUrl);
  cast = await registerCast(app.baseUrl, 'maps');
  workspaceId = await createCastWorkspace(cast, 'Maps');
  documentId = await insertDocument(app.dataSource, workspaceId, 'Mobilising society', TEXT);
});

afterAll(async () => {
  session.close();
  await app.close();
});

async function newMap(title = 'Why now?'): Promise<{ id: string; docName: string }> {
  const response = await cast.editor.client.post<{ id: string; docName: string }>(`/workspaces/${workspaceId}/maps`, { title });
  expect(response.status).toBe(201);
  return response.body;
}

/** Rows stored for a document: what a reload would see. */
async function storedMap(docName: string) {
  const rows = (await app.dataSource.query(`SELECT "update" FROM collab_updates WHERE document_name = $1 ORDER BY id`, [docName])) as { update: Buffer }[];
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
  return readMap(doc);
}

function span(start: number, end: number) {
  return { documentId, start, end, exact: [...TEXT].slice(start, end).join('') };
}

describe('editing a map together', () => {
  it("shows each member's nodes to the other, stores them, and projects cited passages", async () => {
    const map = await newMap();
    const editor = await session.client(cast.editor, map.docName);
    const admin = await session.client(cast.admin, map.docName);

    let explanation = '';
    expect(await editor.edit((doc) => (explanation = addNode(doc, cast.editor.id, { kind: 'explanation', text: 'Regime insecurity', x: 0, y: 0, evidence: [span(17, 52)] })))).toEqual({ ok: true });
    let question = '';
    expect(await admin.edit((doc) => (question = addNode(doc, cast.admin.id, { kind: 'question', text: 'Why now?', x: 200, y: 0 })))).toEqual({ ok: true });
    expect(await admin.edit((doc) => addEdge(doc, cast.admin.id, { kind: 'answers', source: explanation, target: question }))).toEqual({ ok: true });
    await eventually(() => mapNodes(editor.doc).has(question) && mapEdges(editor.doc).size === 1 && mapNodes(admin.doc).has(explanation), 5000, 'both members to see both nodes');

    const stored = await storedMap(map.docName);
    expect(stored.nodes.map((node) => node.text).sort()).toEqual(['Regime insecurity', 'Why now?']);
    expect(stored.edges).toHaveLength(1);

    await eventually(async () => {
      const response = await cast.viewer.client.get<MapCitationList>(`/workspaces/${workspaceId}/map-citations?documentId=${documentId}`);
      return response.body.citations.some((citation) => citation.mapId === map.id && citation.nodeText === 'Regime insecurity' && citation.exact === span(17, 52).exact && span(17, 52).exact === 'campaign reflects regime insecurity');
    }, 5000, 'the citation to be projected');
    const listed = await cast.viewer.client.get<{ maps: { id: string; nodeCount: number; edgeCount: number }[] }>(`/workspaces/${workspaceId}/maps`);
    expect(listed.body.maps.find((m) => m.id === map.id)).toMatchObject({ nodeCount: 2, edgeCount: 1 });
  });

  it('refuses invalid maps with the reason; nothing of them is stored or reaches the other member', async () => {
    const map = await newMap('Invalid attempts');
    const editor = await session.client(cast.editor, map.docName);
    const watcher = await session.client(cast.admin, map.docName);
    const otherWorkspace = await createCastWorkspace(cast, 'Elsewhere');
    const foreignDocument = await insertDocument(app.dataSource, otherWorkspace, 'Secret', TEXT);

    const attempts: [string, (doc: Y.Doc) => void, RegExp][] = [
      ['an edge to a missing node', (doc) => addEdge(doc, cast.editor.id, { kind: 'supports', source: 'ghost-a', target: 'ghost-b' }), /join two nodes/],
      ['an unknown node kind', (doc) => addNode(doc, cast.editor.id, { kind: 'rumour' as never, text: 'x', x: 0, y: 0 }), /unknown kind/],
      ['a node in a colleague\'s name', (doc) => addNode(doc, cast.admin.id, { kind: 'claim', text: 'x', x: 0, y: 0 }), /created by its author/],
      ['a rating in a colleague\'s name', (doc) => rateCell(doc, cast.admin.id, 'a', 'b', 'II'), /only their own rating/],
      ['a passage of another workspace', (doc) => addNode(doc, cast.editor.id, { kind: 'evidence', text: 'x', x: 0, y: 0, evidence: [{ ...span(0, 8), documentId: foreignDocument }] }), /not in this workspace/],
      ['a quote that is not the text', (doc) => addNode(doc, cast.editor.id, { kind: 'evidence', text: 'x', x: 0, y: 0, evidence: [{ ...span(0, 8), exact: 'Invented' }] }), /not the document's text/],
      ['a span past the end of the text', (doc) => addNode(doc, cast.editor.id, { kind: 'evidence', text: 'x', x: 0, y: 0, evidence: [{ documentId, start: 80, end: 500, exact: 'x' }] }), /past the end/],
    ];
    for (const [what, change, reason] of attempts) {
      // Each attempt from a fresh client, so that its refused state does not carry over.
      const attacker = await session.client(cast.editor, map.docName);
      const answer = await attacker.edit(change);
      expect({ what, answer }).toMatchObject({ what, answer: { ok: false, error: 'invalid_update' } });
      expect({ what, message: (answer as { message: string }).message }).toEqual({ what, message: expect.stringMatching(reason) });
    }
    // A valid edit after them all: once it reaches the watcher, any relayed refused update would have too.
    let valid = '';
    expect(await editor.edit((doc) => (valid = addNode(doc, cast.editor.id, { kind: 'claim', text: 'Still works', x: 0, y: 0, evidence: [span(54, 84)] })))).toEqual({ ok: true });
    await eventually(() => mapNodes(watcher.doc).has(valid), 5000, 'the valid edit to arrive');
    expect(readMap(watcher.doc).nodes.map((node) => node.text)).toEqual(['Still works']);
    expect(readMap(watcher.doc).edges).toEqual([]);
    expect(readMap(watcher.doc).ratings).toEqual([]);
    const stored = await storedMap(map.docName);
    expect(stored.nodes.map((node) => node.text)).toEqual(['Still works']);
    expect(stored.edges).toEqual([]);
    expect(stored.ratings).toEqual([]);
  });

  it('lets a colleague edit anyone\'s node and add evidence, but only rate in their own name', async () => {
    const map = await newMap('Shared edits');
    const editor = await session.client(cast.editor, map.docName);
    const admin = await session.client(cast.admin, map.docName);
    let node = '';
    await editor.edit((doc) => (node = addNode(doc, cast.editor.id, { kind: 'explanation', text: 'Nationalism', x: 0, y: 0 })));
    await eventually(() => mapNodes(admin.doc).has(node), 5000, 'the node to arrive');
    expect(await admin.edit((doc) => mapNodes(doc).get(node)!.set('text', 'Stoking nationalism'))).toEqual({ ok: true });
    expect(await admin.edit((doc) => addEvidenceLink(doc, node, span(54, 84)))).toEqual({ ok: true });
    expect(await admin.edit((doc) => rateCell(doc, cast.admin.id, node, node, 'C'))).toEqual({ ok: true });
    await eventually(() => readMap(editor.doc).nodes[0]?.text === 'Stoking nationalism' && readMap(editor.doc).ratings.length === 1, 5000, 'the edits to arrive');
  });

  it('keeps viewers and commenters read-only: they see the map live, their updates are refused', async () => {
    const map = await newMap('Read only');
    const viewer: YClient = await session.client(cast.viewer, map.docName);
    const commenter = await session.client(cast.commenter, map.docName);
    expect(viewer.readOnly).toBe(true);
    expect(commenter.readOnly).toBe(true);
    const editor = await session.client(cast.editor, map.docName);
    let node = '';
    await editor.edit((doc) => (node = addNode(doc, cast.editor.id, { kind: 'question', text: 'Seen by all', x: 0, y: 0 })));
    await eventually(() => mapNodes(viewer.doc).has(node), 5000, 'the viewer to see the node');
    expect(await viewer.edit((doc) => addNode(doc, cast.viewer.id, { kind: 'claim', text: 'Not allowed', x: 0, y: 0 }))).toMatchObject({ ok: false, error: 'read_only' });
    expect(await commenter.edit((doc) => addNode(doc, cast.commenter.id, { kind: 'claim', text: 'Not allowed', x: 0, y: 0 }))).toMatchObject({ ok: false, error: 'read_only' });
    expect((await storedMap(map.docName)).nodes.map((n) => n.text)).toEqual(['Seen by all']);
  });

  it('duplicates a map with its current content, and deleting it takes its document and citations', async () => {
    const map = await newMap('Original');
    const editor = await session.client(cast.editor, map.docName);
    await editor.edit((doc) => addNode(doc, cast.editor.id, { kind: 'evidence', text: 'Quoted', x: 0, y: 0, evidence: [span(0, 8)] }));
    const copy = await cast.editor.client.post<{ id: string; docName: string; title: string; nodeCount: number }>(`/workspaces/${workspaceId}/maps/${map.id}/duplicate`, {});
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ title: 'Original (copy)', nodeCount: 1 });
    const reader = await session.client(cast.viewer, copy.body.docName);
    expect(readMap(reader.doc).nodes.map((node) => node.text)).toEqual(['Quoted']);

    await app.get(DocumentRegistry).projectionsSettled();
    expect((await cast.editor.client.delete(`/workspaces/${workspaceId}/maps/${map.id}`)).status).toBe(204);
    expect((await cast.viewer.client.get(`/workspaces/${workspaceId}/maps/${map.id}`)).status).toBe(404);
    const rows = (await app.dataSource.query(`SELECT count(*)::int AS n FROM collab_documents WHERE name = $1`, [map.docName])) as { n: number }[];
    expect(rows[0]!.n).toBe(0);
    const citations = await cast.viewer.client.get<MapCitationList>(`/workspaces/${workspaceId}/map-citations?mapId=${map.id}`);
    expect(citations.body.citations).toEqual([]);
  });
});
