/**
 * The demo workspace's discussion, from seeds/demo-discussion.json: threads on a passage where
 * the demo analysts' tags disagree, on a map explanation and on an ACH cell, with replies and
 * mentions (and their notifications), one thread resolved. Written straight into the tables
 * the discussion module reads; seeded once, while the workspace has no thread.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OffsetMap, quoteOf, readMap } from '@marginalia/shared';
import type { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { z } from 'zod';

const DemoDiscussionSchema = z.object({
  analysts: z.record(z.string(), z.email()),
  threads: z.array(
    z.object({
      anchor: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('text'), file: z.string(), quote: z.string() }),
        z.object({ kind: z.literal('map-node'), nodeText: z.string() }),
        z.object({ kind: z.literal('ach-cell'), hypothesisText: z.string(), evidenceText: z.string() }),
      ]),
      resolvedBy: z.string().optional(),
      comments: z.array(z.object({ by: z.string(), body: z.string() })).min(1),
    }),
  ),
});
type DemoDiscussion = z.infer<typeof DemoDiscussionSchema>;

interface Analyst {
  id: string;
  name: string;
}

export async function seedDemoDiscussion(dataSource: DataSource, workspaceId: string, seedsDir: string): Promise<number> {
  const seed = DemoDiscussionSchema.parse(JSON.parse(await readFile(path.join(seedsDir, 'demo-discussion.json'), 'utf8')));
  return dataSource.transaction(async (manager) => {
    const existing = (await manager.query(`SELECT 1 FROM threads WHERE workspace_id = $1 LIMIT 1`, [workspaceId])) as unknown[];
    if (existing.length > 0) return 0;
    const analysts = await analystsOf(manager, seed.analysts);
    const map = await demoMap(manager, workspaceId);
    let written = 0;
    // Minutes apart, in order, so the threads read as a conversation that happened.
    let at = Date.now() - 3 * 24 * 3600_000;
    for (const thread of seed.threads) {
      const anchor = await anchorColumns(manager, workspaceId, thread.anchor, map);
      if (!anchor) continue; // its document or map is gone
      const starter = analystOf(analysts, thread.comments[0]!.by);
      const [row] = (await manager.query(
        `INSERT INTO threads (workspace_id, anchor_kind, document_id, start, "end", exact, prefix, suffix, map_id, element_id, evidence_id, label, created_by, created_at, last_activity_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
        [workspaceId, anchor.kind, anchor.documentId, anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix, anchor.mapId, anchor.elementId, anchor.evidenceId, anchor.label, starter.id, new Date(at)],
      )) as { id: string }[];
      const threadId = row!.id;
      const participants = new Set<string>();
      for (const comment of thread.comments) {
        at += 17 * 60_000;
        const author = analystOf(analysts, comment.by);
        const { body, mentions } = withMentions(comment.body, analysts);
        const [inserted] = (await manager.query(`INSERT INTO comments (thread_id, workspace_id, author_id, body, mentions, created_at) VALUES ($1, $2, $3, $4, $5::uuid[], $6) RETURNING id`, [
          threadId,
          workspaceId,
          author.id,
          body,
          mentions,
          new Date(at),
        ])) as { id: string }[];
        const notify = [...mentions.map((id) => [id, 'mention']), ...[...participants].filter((id) => !mentions.includes(id)).map((id) => [id, 'reply'])].filter(([id]) => id !== author.id);
        for (const [userId, kind] of notify) {
          await manager.query(`INSERT INTO notifications (user_id, workspace_id, kind, thread_id, comment_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [userId, workspaceId, kind, threadId, inserted!.id, new Date(at)]);
        }
        participants.add(author.id);
        await manager.query(`UPDATE threads SET last_activity_at = $2 WHERE id = $1`, [threadId, new Date(at)]);
      }
      if (thread.resolvedBy) await manager.query(`UPDATE threads SET resolved_at = $2, resolved_by = $3 WHERE id = $1`, [threadId, new Date(at + 60_000), analystOf(analysts, thread.resolvedBy).id]);
      written += 1;
      at += 3 * 3600_000;
    }
    return written;
  });
}

async function analystsOf(manager: EntityManager, emails: Record<string, string>): Promise<Map<string, Analyst>> {
  const rows = (await manager.query(`SELECT id, email, display_name FROM users WHERE email = ANY($1::text[])`, [Object.values(emails).map((email) => email.toLowerCase())])) as { id: string; email: string; display_name: string }[];
  const byEmail = new Map(rows.map((row) => [row.email, { id: row.id, name: row.display_name }]));
  return new Map(Object.entries(emails).flatMap(([key, email]) => (byEmail.has(email.toLowerCase()) ? [[key, byEmail.get(email.toLowerCase())!]] : [])));
}

function analystOf(analysts: Map<string, Analyst>, key: string): Analyst {
  const analyst = analysts.get(key);
  if (!analyst) throw new Error(`demo-discussion.json: no account for analyst "${key}"`);
  return analyst;
}

/** `{mei}` becomes `[@Mei Lin](mention:<id>)`, the composer's mention syntax. */
function withMentions(body: string, analysts: Map<string, Analyst>): { body: string; mentions: string[] } {
  const mentions: string[] = [];
  const text = body.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const analyst = analystOf(analysts, key);
    if (!mentions.includes(analyst.id)) mentions.push(analyst.id);
    return `[@${analyst.name}](mention:${analyst.id})`;
  });
  return { body: text, mentions };
}

async function demoMap(manager: EntityManager, workspaceId: string): Promise<{ id: string; nodes: { id: string; text: string }[] } | null> {
  const rows = (await manager.query(`SELECT id, doc_name FROM argument_maps WHERE workspace_id = $1 ORDER BY created_at LIMIT 1`, [workspaceId])) as { id: string; doc_name: string }[];
  if (!rows[0]) return null;
  const updates = (await manager.query(`SELECT "update" FROM collab_updates WHERE document_name = $1 ORDER BY id`, [rows[0].doc_name])) as { update: Buffer }[];
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update.update));
  const nodes = readMap(doc).nodes.map((node) => ({ id: node.id, text: node.text }));
  doc.destroy();
  return { id: rows[0].id, nodes };
}

interface AnchorColumns {
  kind: string;
  documentId: string | null;
  start: number | null;
  end: number | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  mapId: string | null;
  elementId: string | null;
  evidenceId: string | null;
  label: string;
}

async function anchorColumns(manager: EntityManager, workspaceId: string, anchor: DemoDiscussion['threads'][number]['anchor'], map: Awaited<ReturnType<typeof demoMap>>): Promise<AnchorColumns | null> {
  const none = { documentId: null, start: null, end: null, exact: null, prefix: null, suffix: null, mapId: null, elementId: null, evidenceId: null };
  if (anchor.kind === 'text') {
    const rows = (await manager.query(`SELECT id, text FROM documents WHERE workspace_id = $1 AND source_filename = $2`, [workspaceId, path.basename(anchor.file)])) as { id: string; text: string }[];
    if (!rows[0]) return null;
    const offsets = new OffsetMap(rows[0].text);
    const at = offsets.text.indexOf(anchor.quote);
    if (at < 0) throw new Error(`demo-discussion.json: "${anchor.quote.slice(0, 40)}..." is not in ${anchor.file}`);
    const start = offsets.toCodePoint(at);
    const end = offsets.toCodePoint(at + anchor.quote.length);
    const quote = quoteOf(offsets, start, end);
    return { ...none, kind: 'text', documentId: rows[0].id, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, label: quote.exact.slice(0, 200) };
  }
  if (!map) return null;
  const node = (text: string) => {
    const found = map.nodes.find((candidate) => candidate.text.startsWith(text));
    if (!found) throw new Error(`demo-discussion.json: no node of the demo map starts with "${text}"`);
    return found;
  };
  if (anchor.kind === 'map-node') {
    const found = node(anchor.nodeText);
    return { ...none, kind: 'map-node', mapId: map.id, elementId: found.id, label: found.text };
  }
  const hypothesis = node(anchor.hypothesisText);
  const evidence = node(anchor.evidenceText);
  return { ...none, kind: 'ach-cell', mapId: map.id, elementId: hypothesis.id, evidenceId: evidence.id, label: `${hypothesis.text} × ${evidence.text}` };
}
