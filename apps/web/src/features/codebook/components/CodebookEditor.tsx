/** The codebook tab: the tag tree beside the selected tag's definition, and adding tags. */
import type { Tag } from '@marginalia/shared';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { Button, EmptyState, FormError, TextField, useToast } from '../../../ui';
import { useCreateTag, useDeleteTag, useMergeTag, useMoveTag, useUpdateTag } from '../hooks/useCodebook';
import { buildTagTree, tagPath } from '../tag-tree';
import { TagDeleteDialog, TagMergeDialog } from './TagMergeDialog';
import { TagEditor } from './TagEditor';
import { TagTree } from './TagTree';

interface Props {
  workspaceId: string;
  tags: Tag[];
  canManage: boolean;
  canCreate: boolean;
  /** Shown above the selected tag's definition: what other features offer about a tag (its discussion). */
  tagTools?: (tag: Tag) => ReactNode;
}

export function CodebookEditor({ workspaceId, tags, canManage, canCreate, tagTools }: Props) {
  const { showToast } = useToast();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [merging, setMerging] = useState<Tag | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const create = useCreateTag(workspaceId);
  const update = useUpdateTag(workspaceId);
  const move = useMoveTag(workspaceId);
  const merge = useMergeTag(workspaceId);
  const remove = useDeleteTag(workspaceId);
  const nodes = useMemo(() => buildTagTree(tags), [tags]);
  const selected = tags.find((tag) => tag.id === selectedId) ?? null;

  function handleCreate(event: FormEvent, asChild: boolean) {
    event.preventDefault();
    create.mutate(
      { name: newName, parentId: asChild && selected ? selected.id : null },
      {
        onSuccess: (tag) => {
          setNewName('');
          setSelectedId(tag.id);
          showToast(`Tag “${tag.name}” added.`);
        },
      },
    );
  }

  function handleMove(tagId: string, body: Parameters<typeof move.mutate>[0]['body']) {
    move.mutate({ tagId, body }, { onError: (error) => showToast(`Could not move the tag: ${errorMessage(error)}`, 'danger') });
  }

  return (
    <div className="codebook">
      <div className="codebook__tree">
        {canCreate && (
          <form className="codebook__new" aria-label="New tag" onSubmit={(event) => handleCreate(event, false)}>
            <TextField label="New tag" value={newName} onChange={(event) => setNewName(event.target.value)} maxLength={120} placeholder="Name of the tag" />
            <div className="codebook__new-actions">
              <Button type="submit" variant="primary" size="sm" disabled={newName.trim() === ''} busy={create.isPending}>
                Add tag
              </Button>
              {selected && (
                <Button size="sm" disabled={newName.trim() === ''} onClick={(event) => handleCreate(event, true)}>
                  Add under “{selected.name}”
                </Button>
              )}
            </div>
            <FormError error={create.error} />
          </form>
        )}
        {canManage && <p className="muted codebook__hint">Drag a tag onto another to nest it, or use Alt+arrow keys on the focused tag.</p>}
        <TagTree tags={tags} nodes={nodes} selectedId={selectedId} onSelect={setSelectedId} canManage={canManage} onMove={handleMove} />
      </div>
      <div className="codebook__details">
        {selected && tagTools && <div className="codebook__tag-tools">{tagTools(selected)}</div>}
        {selected ? (
          <TagEditor
            tag={selected}
            path={tagPath(tags, selected.id)}
            canManage={canManage}
            saving={update.isPending}
            error={update.error}
            onSave={(body) => update.mutate({ tagId: selected.id, body }, { onSuccess: (tag) => showToast(`Tag “${tag.name}” saved.`) })}
            onMerge={() => setMerging(selected)}
            onDelete={() => setDeleting(selected)}
          />
        ) : (
          <EmptyState title="No tag selected">Choose a tag to read or edit its definition.</EmptyState>
        )}
      </div>
      <TagMergeDialog
        key={`merge-${merging?.id ?? ''}`}
        tag={merging}
        tags={tags}
        busy={merge.isPending}
        error={merge.error}
        onClose={() => {
          setMerging(null);
          merge.reset();
        }}
        onMerge={(intoTagId) =>
          merging &&
          merge.mutate(
            { tagId: merging.id, intoTagId },
            {
              onSuccess: (into) => {
                showToast(`“${merging.name}” merged into “${into.name}”.`);
                setMerging(null);
                setSelectedId(into.id);
              },
            },
          )
        }
      />
      <TagDeleteDialog
        key={`delete-${deleting?.id ?? ''}`}
        tag={deleting}
        tags={tags}
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onDelete={(moveTo) =>
          deleting &&
          remove.mutate(
            { tagId: deleting.id, query: moveTo === null ? { annotations: 'delete' } : { annotations: 'move', moveTo } },
            {
              onSuccess: () => {
                showToast(`Tag “${deleting.name}” deleted.`);
                setDeleting(null);
                setSelectedId(null);
              },
            },
          )
        }
      />
    </div>
  );
}
