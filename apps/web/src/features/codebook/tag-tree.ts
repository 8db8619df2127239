/**
 * The codebook as a tree, and where a move puts a tag. The API lists tags depth first with
 * `parentId` and `position`; a move names the new parent and the position among the new
 * siblings counted without the moved tag (the server detaches it first).
 */
import type { MoveTagBody, Tag } from '@marginalia/shared';

export interface TagNode {
  tag: Tag;
  depth: number;
  children: TagNode[];
}

export function buildTagTree(tags: readonly Tag[]): TagNode[] {
  const byParent = new Map<string | null, Tag[]>();
  for (const tag of tags) byParent.set(tag.parentId, [...(byParent.get(tag.parentId) ?? []), tag]);
  const build = (parentId: string | null, depth: number): TagNode[] =>
    (byParent.get(parentId) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((tag) => ({ tag, depth, children: build(tag.id, depth + 1) }));
  return build(null, 0);
}

/** The tag and all its sub-tags, at any depth. */
export function subtreeIds(tags: readonly Tag[], tagId: string): Set<string> {
  const ids = new Set([tagId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const tag of tags) {
      if (tag.parentId !== null && ids.has(tag.parentId) && !ids.has(tag.id)) {
        ids.add(tag.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** "Parent › Child" for lists where the hierarchy is not drawn. */
export function tagPath(tags: readonly Tag[], tagId: string): string {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const names: string[] = [];
  for (let tag = byId.get(tagId); tag; tag = tag.parentId === null ? undefined : byId.get(tag.parentId)) names.unshift(tag.name);
  return names.join(' › ');
}

function siblingsWithout(tags: readonly Tag[], parentId: string | null, movedId: string): Tag[] {
  return tags.filter((tag) => tag.parentId === parentId && tag.id !== movedId).sort((a, b) => a.position - b.position);
}

export type DropPosition = 'before' | 'after' | 'on';

/** Where a drop (drag and drop, or its keyboard equivalent) puts `movedId`; null if nowhere new. */
export function moveForDrop(tags: readonly Tag[], movedId: string, targetId: string, dropPosition: DropPosition): MoveTagBody | null {
  if (subtreeIds(tags, movedId).has(targetId)) return null;
  const target = tags.find((tag) => tag.id === targetId);
  if (!target) return null;
  if (dropPosition === 'on') return { parentId: target.id };
  const siblings = siblingsWithout(tags, target.parentId, movedId);
  const index = siblings.findIndex((tag) => tag.id === targetId);
  return { parentId: target.parentId, position: dropPosition === 'before' ? index : index + 1 };
}

export type KeyboardMove = 'up' | 'down' | 'indent' | 'outdent';

/** Alt+arrows: up/down among siblings, indent under the previous sibling, outdent after the parent. */
export function moveForKey(tags: readonly Tag[], movedId: string, key: KeyboardMove): MoveTagBody | null {
  const moved = tags.find((tag) => tag.id === movedId);
  if (!moved) return null;
  const siblings = tags.filter((tag) => tag.parentId === moved.parentId).sort((a, b) => a.position - b.position);
  const index = siblings.findIndex((tag) => tag.id === movedId);
  switch (key) {
    case 'up':
      return index > 0 ? { parentId: moved.parentId, position: index - 1 } : null;
    case 'down':
      return index < siblings.length - 1 ? { parentId: moved.parentId, position: index + 1 } : null;
    case 'indent': {
      const previous = siblings[index - 1];
      return previous ? { parentId: previous.id } : null;
    }
    case 'outdent': {
      const parent = tags.find((tag) => tag.id === moved.parentId);
      if (!parent) return null;
      const grandSiblings = siblingsWithout(tags, parent.parentId, movedId);
      return { parentId: parent.parentId, position: grandSiblings.findIndex((tag) => tag.id === parent.id) + 1 };
    }
  }
}
