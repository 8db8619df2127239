/**
 * The demo workspace's starter argument map, from seeds/demo-map.json: built as a Yjs document
 * with the same edit functions the web client uses (so it is valid by the map guard), stored
 * as the map document's first update, and projected into SQL like any committed map. Seeded
 * once: a workspace that has any map is left alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ACH_RATINGS, ACH_WEIGHT_LEVELS, OffsetMap, addEdge, addNode, rateCell, readMap, weighEvidence, type EvidenceLink } from '@marginalia/shared';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { z } from 'zod';
import { writeMapProjection } from '../modules/maps/map-projection.js';

const Quote = z.object({ file: z.string().min(1), quote: z.string().min(1) });
const DemoMapSchema = z.object({
  /** Short analyst keys -> account emails (accounts come from demo-workspace.json). */
  analysts: z.record(z.string(), z.email()),
  title: z.string().min(1),
  question: z.object({ text: z.string().min(1), by: z.string() }),
  explanations: z.array(z.object({ key: z.string(), text: z.string(), holds: z.array(z.string()), rejects: z.array(z.string()), evidence: z.array(Quote), by: z.string() })),
  evidence: z.array(z.object({ key: z.string(), text: z.string(), evidence: z.array(Quote), by: z.string(), credibility: z.enum(ACH_WEIGHT_LEVELS), relevance: z.enum(ACH_WEIGHT_LEVELS) })),
  edges: z.array(z.object({ from: z.string(), to: z.string(), kind: z.enum(['supports', 'opposes', 'explains', 'qualifies', 'answers']) })),
  /** Analyst key -> explanation key -> evidence key -> rating. */
  ratings: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.enum(ACH_RATINGS)))),
});
type DemoMap = z.infer<typeof DemoMapSchema>;

/** Columns of the layout: the question on top, explanations, then evidence. */
const ROW_Y = { question: 0, explanation: 260, evidence: 620 };
const COLUMN_WIDTH = 300;

export async function seedDemoMap(dataSource: DataSource, workspaceId: string, seedsDir: string): Promise<boolean> {
  const seed = DemoMapSchema.parse(JSON.parse(await readFile(path.join(seedsDir, 'demo-map.json'), 'utf8')));
  return dataSource.transaction(async (manager) => {
    const existing = (await manager.query(`SELECT 1 FROM argument_maps WHERE workspace_id = $1 LIMIT 1`, [workspaceId])) as unknown[];
    if (existing.length > 0) return false;
    const users = await userIdsByKey(manager, seed.analysts);
    const doc = await buildMap(manager, workspaceId, seed, users);
    const docName = `map-${randomBytes(12).toString('base64url')}`;
    await manager.query(`INSERT INTO collab_documents (name, workspace_id, kind) VALUES ($1, $2, 'map')`, [docName, workspaceId]);
    await manager.query(`INSERT INTO collab_updates (document_name, "update") VALUES ($1, $2)`, [docName, Buffer.from(Y.encodeStateAsUpdate(doc))]);
    await manager.query(`INSERT INTO argument_maps (workspace_id, title, doc_name, created_by) VALUES ($1, $2, $3, $4)`, [workspaceId, seed.title, docName, userOf(users, seed.question.by)]);
    await writeMapProjection(manager, docName, workspaceId, readMap(doc));
    doc.destroy();
    return true;
  });
}

async function userIdsByKey(manager: EntityManager, analysts: Record<string, string>): Promise<Map<string, string>> {
  const rows = (await manager.query(`SELECT id, email FROM users WHERE email = ANY($1::text[])`, [Object.values(analysts).map((email) => email.toLowerCase())])) as { id: string; email: string }[];
  const byEmail = new Map(rows.map((row) => [row.email, row.id]));
  return new Map(Object.entries(analysts).flatMap(([key, email]) => (byEmail.has(email.toLowerCase()) ? [[key, byEmail.get(email.toLowerCase())!]] : [])));
}

function userOf(users: Map<string, string>, key: string): string {
  const id = users.get(key);
  if (!id) throw new Error(`demo-map.json: no account for analyst "${key}"`);
  return id;
}

async function buildMap(manager: EntityManager, workspaceId: string, seed: DemoMap, users: Map<string, string>): Promise<Y.Doc> {
  const documents = (await manager.query(`SELECT id, text, source_filename FROM documents WHERE workspace_id = $1`, [workspaceId])) as { id: string; text: string; source_filename: string | null }[];
  const texts = new Map(documents.map((row) => [row.source_filename ?? '', { id: row.id, map: new OffsetMap(row.text) }]));
  const actors = new Map(((await manager.query(`SELECT id, name FROM actors WHERE workspace_id = $1`, [workspaceId])) as { id: string; name: string }[]).map((row) => [row.name, row.id]));
  const links = (quotes: { file: string; quote: string }[]): Omit<EvidenceLink, 'id'>[] =>
    quotes.flatMap(({ file, quote }) => {
      const document = texts.get(path.basename(file));
      if (!document) return []; // the document was deleted: the node stays, without its quote
      const at = document.map.text.indexOf(quote);
      if (at < 0) throw new Error(`demo-map.json: "${quote.slice(0, 40)}..." is not in ${file}`);
      return [{ documentId: document.id, start: document.map.toCodePoint(at), end: document.map.toCodePoint(at + quote.length), exact: quote }];
    });
  const stances = (holds: string[], rejects: string[]) =>
    Object.fromEntries([...holds.map((name) => [name, 'holds'] as const), ...rejects.map((name) => [name, 'rejects'] as const)].flatMap(([name, stance]) => (actors.has(name) ? [[actors.get(name)!, stance]] : [])));

  const doc = new Y.Doc();
  const ids = new Map<string, string>();
  const centre = (count: number, index: number) => (index - (count - 1) / 2) * COLUMN_WIDTH;
  const question = addNode(doc, userOf(users, seed.question.by), { kind: 'question', text: seed.question.text, x: 0, y: ROW_Y.question });
  seed.explanations.forEach((explanation, index) => {
    const id = addNode(doc, userOf(users, explanation.by), {
      kind: 'explanation',
      text: explanation.text,
      x: centre(seed.explanations.length, index),
      y: ROW_Y.explanation,
      actors: stances(explanation.holds, explanation.rejects),
      evidence: links(explanation.evidence),
    });
    ids.set(explanation.key, id);
    addEdge(doc, userOf(users, explanation.by), { kind: 'answers', source: id, target: question });
  });
  seed.evidence.forEach((item, index) => {
    const userId = userOf(users, item.by);
    const id = addNode(doc, userId, { kind: 'evidence', text: item.text, x: centre(seed.evidence.length, index), y: ROW_Y.evidence, evidence: links(item.evidence) });
    ids.set(item.key, id);
    for (const user of users.values()) weighEvidence(doc, user, id, { credibility: item.credibility, relevance: item.relevance });
  });
  for (const edge of seed.edges) {
    const [source, target] = [ids.get(edge.from), ids.get(edge.to)];
    if (!source || !target) throw new Error(`demo-map.json: edge ${edge.from} -> ${edge.to} names an unknown node`);
    addEdge(doc, userOf(users, seed.question.by), { kind: edge.kind, source, target });
  }
  for (const [analyst, rows] of Object.entries(seed.ratings)) {
    for (const [hypothesis, cells] of Object.entries(rows)) {
      for (const [evidence, rating] of Object.entries(cells)) rateCell(doc, userOf(users, analyst), ids.get(hypothesis)!, ids.get(evidence)!, rating);
    }
  }
  return doc;
}
