/**
 * Look-ups several formats need over one snapshot, built once: names of members, tag paths
 * ("Parent > Child"), documents by id, and which passage an offset falls in.
 */
import type { ExportDocument, ExportTag, WorkspaceExport } from '@marginalia/shared';

export const FORMER_MEMBER = 'former member';

export interface SnapshotIndex {
  memberName(id: string | null): string;
  tagPath(id: string): string;
  tag(id: string): ExportTag | undefined;
  document(id: string): ExportDocument | undefined;
  /** 1-based passage number containing the offset (code points), or null when the document has none. */
  passageNumber(documentId: string, offset: number): number | null;
  /** Tags in codebook order (depth first, by position). */
  tagsInOrder: readonly { tag: ExportTag; depth: number }[];
}

export function indexSnapshot(snapshot: WorkspaceExport): SnapshotIndex {
  const members = new Map(snapshot.members.map((member) => [member.id, member.displayName]));
  const tags = new Map(snapshot.codebook.tags.map((tag) => [tag.id, tag]));
  const documents = new Map(snapshot.documents.map((document) => [document.id, document]));
  const paths = new Map<string, string>();
  const tagPath = (id: string): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const names: string[] = [];
    const seen = new Set<string>();
    for (let current = tags.get(id); current && !seen.has(current.id); current = current.parentId ? tags.get(current.parentId) : undefined) {
      seen.add(current.id);
      names.unshift(current.name);
    }
    const path = names.join(' > ');
    paths.set(id, path);
    return path;
  };
  const children = new Map<string | null, ExportTag[]>();
  for (const tag of snapshot.codebook.tags) {
    const parent = tag.parentId !== null && tags.has(tag.parentId) ? tag.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(tag);
    children.set(parent, list);
  }
  const tagsInOrder: { tag: ExportTag; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const tag of [...(children.get(parent) ?? [])].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))) {
      tagsInOrder.push({ tag, depth });
      walk(tag.id, depth + 1);
    }
  };
  walk(null, 0);
  return {
    memberName: (id) => (id === null ? 'consensus' : (members.get(id) ?? FORMER_MEMBER)),
    tagPath,
    tag: (id) => tags.get(id),
    document: (id) => documents.get(id),
    passageNumber(documentId, offset) {
      const passages = documents.get(documentId)?.passages ?? [];
      // Passages are sorted and contiguous enough for a binary search on start.
      let low = 0;
      let high = passages.length - 1;
      let found: number | null = null;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const passage = passages[middle]!;
        if (passage.start <= offset) {
          found = passage.index + 1;
          low = middle + 1;
        } else high = middle - 1;
      }
      return found;
    },
    tagsInOrder,
  };
}
