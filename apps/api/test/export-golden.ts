/**
 * Golden files for export formats: a snapshot made stable (arrays in a content order, ids
 * renamed to placeholders in order of appearance, timestamps fixed) so the demo workspace
 * serialises to the same bytes on every run; `UPDATE_GOLDEN=1` rewrites the files.
 */
import { expect } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WorkspaceExport } from '@marginalia/shared';

export const GOLDEN_DIR = path.resolve(import.meta.dirname, 'golden/exports');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

const by = <T>(...keys: ((item: T) => string | number)[]) => (a: T, b: T) => {
  for (const key of keys) {
    const x = key(a);
    const y = key(b);
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
};

/** Orders every array by content (never by time: seeded rows share timestamps to the millisecond or not), then renames ids and fixes times. */
export function stableSnapshot(snapshot: WorkspaceExport): WorkspaceExport {
  const title = new Map(snapshot.documents.map((document) => [document.id, document.title]));
  const name = new Map(snapshot.members.map((member) => [member.id, member.displayName]));
  const tagName = new Map(snapshot.codebook.tags.map((tag) => [tag.id, tag.name]));
  const ordered: WorkspaceExport = {
    ...snapshot,
    documents: [...snapshot.documents].sort(by((d) => d.title)),
    actors: [...snapshot.actors].sort(by((a) => a.name)),
    attributions: [...snapshot.attributions].sort(by((a) => title.get(a.documentId) ?? '', (a) => a.start, (a) => a.end)),
    codebook: { tags: [...snapshot.codebook.tags].sort(by((t) => (t.parentId ? 1 : 0), (t) => tagName.get(t.parentId ?? '') ?? '', (t) => t.position, (t) => t.name)) },
    annotations: [...snapshot.annotations]
      .map((a) => ({ ...a, tagIds: [...a.tagIds].sort(by((id) => tagName.get(id) ?? '')) }))
      .sort(by((a) => title.get(a.documentId) ?? '', (a) => a.start, (a) => a.end, (a) => name.get(a.analystId ?? '') ?? '', (a) => a.tagIds.map((id) => tagName.get(id)).join('|'), (a) => a.memo ?? '')),
    maps: [...snapshot.maps]
      .sort(by((m) => m.title))
      .map((map) => {
        const text = new Map(map.nodes.map((node) => [node.id, `${node.kind}:${node.text}`]));
        return {
          ...map,
          nodes: [...map.nodes].sort(by((n) => n.kind, (n) => n.text, (n) => n.details)).map((node) => ({ ...node, evidence: [...node.evidence].sort(by((e) => title.get(e.documentId) ?? '', (e) => e.start, (e) => e.end)) })),
          edges: [...map.edges].sort(by((e) => text.get(e.source) ?? '', (e) => text.get(e.target) ?? '', (e) => e.kind)),
          ratings: [...map.ratings].sort(by((r) => text.get(r.hypothesisId) ?? '', (r) => text.get(r.evidenceId) ?? '', (r) => name.get(r.userId) ?? '')),
          weights: [...map.weights].sort(by((w) => text.get(w.evidenceId) ?? '', (w) => name.get(w.userId) ?? '')),
        };
      }),
    threads: [...snapshot.threads].sort(by((t) => t.anchor.label, (t) => t.comments[0]?.body ?? '')),
  };
  const placeholders = new Map<string, string>();
  const renamed = JSON.parse(JSON.stringify(ordered).replace(UUID, (id) => rename(id)).replace(ISO_TIME, '2026-01-01T00:00:00.000Z')) as WorkspaceExport;
  // Records keyed by id (a node's actors) keep Yjs insertion order: sort them once renamed.
  for (const map of renamed.maps) for (const node of map.nodes) node.actors = Object.fromEntries(Object.entries(node.actors).sort(([a], [b]) => a.localeCompare(b)));
  function rename(id: string): string {
    const lower = id.toLowerCase();
    if (!placeholders.has(lower)) placeholders.set(lower, `00000000-0000-4000-8000-${String(placeholders.size + 1).padStart(12, '0')}`);
    return placeholders.get(lower)!;
  }
  return { ...renamed, generator: 'Marginalia (golden)', exportedAt: '2026-01-01T00:00:00.000Z' };
}

export async function expectGolden(file: string, actual: string): Promise<void> {
  const target = path.join(GOLDEN_DIR, file);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(target)) {
    if (process.env.CI && !existsSync(target)) throw new Error(`golden file ${file} is missing`);
    await mkdir(GOLDEN_DIR, { recursive: true });
    await writeFile(target, actual);
    return;
  }
  expect(actual).toBe(await readFile(target, 'utf8'));
}
