/**
 * Report sections about the corpus and its coding: title facts, the corpus table, the codebook
 * with definitions and counts, and each tag's quoted passages with citations.
 */
import { codePointLength, type WorkspaceExport } from '@marginalia/shared';
import type { SnapshotIndex } from '../snapshot-index.js';
import { mdBlock, mdCell, mdInline, mdQuote, mdTable } from './markdown-text.js';

export function factsSection(snapshot: WorkspaceExport): string {
  const analysts = new Set(snapshot.annotations.map((annotation) => annotation.analystId).filter((id) => id !== null));
  const lines = [
    `# ${mdInline(snapshot.workspace.name)}`,
    '',
    snapshot.workspace.description ? `${mdBlock(snapshot.workspace.description)}\n` : '',
    `- Exported: ${snapshot.exportedAt.slice(0, 10)} by ${mdInline(snapshot.generator)}`,
    `- Workspace created: ${snapshot.workspace.createdAt.slice(0, 10)}`,
    `- Documents: ${snapshot.documents.length}`,
    `- Tags: ${snapshot.codebook.tags.length}`,
    `- Annotations: ${snapshot.annotations.length} by ${analysts.size} analyst${analysts.size === 1 ? '' : 's'}`,
    `- Argument maps: ${snapshot.maps.length}`,
    `- Discussion threads: ${snapshot.threads.length}`,
    `- Members: ${snapshot.members.filter((member) => member.role !== null).map((member) => `${mdInline(member.displayName)} (${member.role})`).join(', ') || 'none'}`,
  ];
  return lines.filter((line, i) => line !== '' || i === 1).join('\n');
}

export function corpusSection(snapshot: WorkspaceExport): string {
  const counts = countBy(snapshot.annotations, (annotation) => annotation.documentId);
  const rows = snapshot.documents.map((document, i) => [
    String(i + 1),
    mdCell(document.title),
    mdCell(document.author ?? ''),
    mdCell(document.source ?? ''),
    document.publishedOn ?? '',
    String(codePointLength(document.text)),
    String(document.passages.length),
    String(counts.get(document.id) ?? 0),
  ]);
  return ['## Corpus', '', mdTable(['#', 'Title', 'Author', 'Source', 'Published', 'Characters', 'Passages', 'Annotations'], rows, ['r', 'l', 'l', 'l', 'l', 'r', 'r', 'r'])].join('\n');
}

export function codebookSection(snapshot: WorkspaceExport, index: SnapshotIndex): string {
  const counts = tagCounts(snapshot);
  const parts = ['## Codebook', ''];
  if (index.tagsInOrder.length === 0) parts.push('No tags.');
  parts.push(mdTable(['Tag', 'Annotations', 'Documents'], index.tagsInOrder.map(({ tag }) => [mdCell(index.tagPath(tag.id)), String(counts.get(tag.id)?.annotations ?? 0), String(counts.get(tag.id)?.documents.size ?? 0)]), ['l', 'r', 'r']));
  for (const { tag, depth } of index.tagsInOrder) {
    parts.push('', `${'#'.repeat(Math.min(3 + depth, 6))} ${mdInline(tag.name)}`, '');
    if (tag.definition) parts.push(`**Definition.** ${mdBlock(tag.definition)}`, '');
    if (tag.inclusion) parts.push(`**Use when.** ${mdBlock(tag.inclusion)}`, '');
    if (tag.exclusion) parts.push(`**Do not use when.** ${mdBlock(tag.exclusion)}`, '');
    for (const example of tag.examples) parts.push(mdQuote(example), '');
    parts.push(`Colour ${tag.color}; ${counts.get(tag.id)?.annotations ?? 0} annotations.`);
  }
  return parts.join('\n');
}

/** The quoted passages of each tag; the pieces (a tag's heading, one quote) end between blocks, so the section streams. */
export function* passagesSection(snapshot: WorkspaceExport, index: SnapshotIndex): Generator<string> {
  const byTag = new Map<string, WorkspaceExport['annotations']>();
  for (const annotation of snapshot.annotations) {
    for (const tagId of annotation.tagIds) {
      const list = byTag.get(tagId) ?? [];
      list.push(annotation);
      byTag.set(tagId, list);
    }
  }
  const documentOrder = new Map(snapshot.documents.map((document, i) => [document.id, i]));
  yield '## Coded passages';
  let any = false;
  for (const { tag } of index.tagsInOrder) {
    const annotations = [...(byTag.get(tag.id) ?? [])].sort((a, b) => (documentOrder.get(a.documentId) ?? 0) - (documentOrder.get(b.documentId) ?? 0) || a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
    if (annotations.length === 0) continue;
    any = true;
    yield `\n\n### ${mdInline(index.tagPath(tag.id))}\n\n${annotations.length} passage${annotations.length === 1 ? '' : 's'}.`;
    for (const annotation of annotations) {
      const passage = index.passageNumber(annotation.documentId, annotation.start);
      const citation = `${mdInline(index.document(annotation.documentId)?.title ?? 'unknown document')}${passage === null ? '' : `, passage ${passage}`}, coded by ${mdInline(index.memberName(annotation.analystId))}`;
      yield `\n\n${mdQuote(annotation.exact)}\n>\n> — ${citation}${annotation.memo ? `\n\n*Memo:* ${mdInline(annotation.memo)}` : ''}`;
    }
  }
  if (!any) yield '\n\nNo coded passages.';
}

function tagCounts(snapshot: WorkspaceExport): Map<string, { annotations: number; documents: Set<string> }> {
  const counts = new Map<string, { annotations: number; documents: Set<string> }>();
  for (const annotation of snapshot.annotations) {
    for (const tagId of annotation.tagIds) {
      const entry = counts.get(tagId) ?? { annotations: 0, documents: new Set<string>() };
      entry.annotations += 1;
      entry.documents.add(annotation.documentId);
      counts.set(tagId, entry);
    }
  }
  return counts;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
