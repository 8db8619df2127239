/**
 * The codebook tree (React Aria Tree). Admins move tags by dragging (onto a tag: inside it;
 * between tags: beside them), by the drag handle with the keyboard, or with Alt+arrows on the
 * focused tag: up/down among siblings, right under the previous sibling, left out of the parent.
 */
import type { MoveTagBody, Tag } from '@marginalia/shared';
import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import type { Key } from 'react-aria-components';
import { Button, Tree, TreeItem, TreeItemContent, useDragAndDrop } from 'react-aria-components';
import { moveForDrop, moveForKey, type KeyboardMove, type TagNode } from '../tag-tree';
import { TagLabel } from './TagSwatch';

export interface TagTreeProps {
  tags: Tag[];
  nodes: TagNode[];
  selectedId: string | null;
  onSelect: (tagId: string | null) => void;
  canManage: boolean;
  onMove: (tagId: string, body: MoveTagBody) => void;
  counts?: Map<string, number> | undefined;
}

const KEY_MOVES: Record<string, KeyboardMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'indent', ArrowLeft: 'outdent' };

export function TagTree({ tags, nodes, selectedId, onSelect, canManage, onMove, counts }: TagTreeProps) {
  const [expanded, setExpanded] = useState<Set<Key>>(() => new Set(tags.map((tag) => tag.id)));
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => [...keys].map((key) => ({ 'text/plain': tags.find((tag) => tag.id === key)?.name ?? '', 'application/x-marginalia-tag': String(key) })),
    onMove: (event) => {
      const [moved] = [...event.keys];
      if (moved === undefined || event.target.type !== 'item') return;
      const body = moveForDrop(tags, String(moved), String(event.target.key), event.target.dropPosition);
      if (body) onMove(String(moved), body);
      if (event.target.dropPosition === 'on') setExpanded((keys) => new Set([...keys, event.target.key]));
    },
    isDisabled: !canManage,
  });

  // Captured around the tree, before its own arrow-key handling; each row's content names its tag.
  function handleKeyDown(event: KeyboardEvent) {
    const move = KEY_MOVES[event.key];
    const row = (event.target as HTMLElement).closest('[role="row"]');
    const tagId = row?.querySelector<HTMLElement>('[data-tag-id]')?.dataset.tagId;
    if (!canManage || !event.altKey || move === undefined || tagId === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const body = moveForKey(tags, tagId, move);
    if (body) onMove(tagId, body);
    if (move === 'indent' && body?.parentId) setExpanded((keys) => new Set([...keys, body.parentId as string]));
  }

  function renderNode(node: TagNode) {
    const count = counts?.get(node.tag.id);
    return (
      <TreeItem key={node.tag.id} id={node.tag.id} textValue={node.tag.name} className="tag-tree__item">
        <TreeItemContent>
          {({ hasChildItems, isExpanded, allowsDragging, level }) => (
            <div className="tag-tree__row" data-tag-id={node.tag.id} data-current={node.tag.id === selectedId || undefined} aria-current={node.tag.id === selectedId || undefined} style={{ paddingInlineStart: `${String((level - 1) * 1.25)}rem` }}>
              {hasChildItems ? (
                <Button slot="chevron" className="tag-tree__chevron" aria-label={isExpanded ? `Collapse ${node.tag.name}` : `Expand ${node.tag.name}`}>
                  {isExpanded ? '▾' : '▸'}
                </Button>
              ) : (
                <span className="tag-tree__chevron" aria-hidden="true" />
              )}
              <TagLabel name={node.tag.name} color={node.tag.color} />
              {count !== undefined && <span className="tag-tree__count" aria-label={`${String(count)} annotations`}>{count}</span>}
              {allowsDragging && (
                <Button slot="drag" className="tag-tree__drag" aria-label={`Drag ${node.tag.name}`}>
                  ⠿
                </Button>
              )}
            </div>
          )}
        </TreeItemContent>
        {node.children.map(renderNode)}
      </TreeItem>
    );
  }

  return (
    <div onKeyDownCapture={handleKeyDown}>
    <Tree
      aria-label="Codebook"
      className="tag-tree"
      // Opening a tag is an action (click, Enter), not a selection: the tree has one open tag.
      selectionMode="none"
      onAction={(key) => onSelect(String(key))}
      expandedKeys={expanded}
      onExpandedChange={setExpanded}
      dragAndDropHooks={canManage ? dragAndDropHooks : undefined}
      renderEmptyState={() => <p className="tag-tree__empty">No tags yet.</p>}
    >
      {nodes.map(renderNode)}
    </Tree>
    </div>
  );
}
