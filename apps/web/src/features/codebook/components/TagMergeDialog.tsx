/** Merge one tag into another (its annotations and sub-tags follow), or delete it. */
import type { Tag } from '@marginalia/shared';
import { useState } from 'react';
import { ConfirmDialog, SelectField } from '../../../ui';
import { subtreeIds, tagPath } from '../tag-tree';

interface Props {
  tag: Tag | null;
  tags: Tag[];
  busy: boolean;
  error: unknown;
  onClose: () => void;
}

function targetOptions(tags: Tag[], tag: Tag) {
  const excluded = subtreeIds(tags, tag.id);
  return tags.filter((other) => !excluded.has(other.id)).map((other) => ({ value: other.id, label: tagPath(tags, other.id) }));
}

export function TagMergeDialog({ tag, tags, busy, error, onClose, onMerge }: Props & { onMerge: (intoTagId: string) => void }) {
  const [into, setInto] = useState('');
  const options = tag ? targetOptions(tags, tag) : [];
  return (
    <ConfirmDialog
      open={tag !== null}
      onClose={onClose}
      onConfirm={() => onMerge(into)}
      title={tag ? `Merge “${tag.name}”` : 'Merge'}
      description={<p>Its annotations and sub-tags go to the tag you choose; “{tag?.name}” is then removed.</p>}
      confirmLabel="Merge"
      confirmDisabled={into === ''}
      busy={busy}
      error={error}
    >
      <SelectField label="Merge into" value={into} onChange={(event) => setInto(event.target.value)} options={[{ value: '', label: 'Choose a tag…' }, ...options]} />
    </ConfirmDialog>
  );
}

export function TagDeleteDialog({ tag, tags, busy, error, onClose, onDelete }: Props & { onDelete: (moveTo: string | null) => void }) {
  const [mode, setMode] = useState<'delete' | 'move'>('delete');
  const [moveTo, setMoveTo] = useState('');
  const options = tag ? targetOptions(tags, tag) : [];
  return (
    <ConfirmDialog
      open={tag !== null}
      onClose={onClose}
      onConfirm={() => onDelete(mode === 'move' ? moveTo : null)}
      title={tag ? `Delete “${tag.name}”` : 'Delete'}
      description={<p>Its sub-tags move up a level. What should happen to the passages coded with it?</p>}
      confirmLabel="Delete tag"
      destructive
      confirmDisabled={mode === 'move' && moveTo === ''}
      busy={busy}
      error={error}
    >
      <fieldset className="radio-list">
        <legend className="field__label">Its annotations</legend>
        <label>
          <input type="radio" name="annotations" checked={mode === 'delete'} onChange={() => setMode('delete')} /> Delete them
        </label>
        <label>
          <input type="radio" name="annotations" checked={mode === 'move'} onChange={() => setMode('move')} /> Move them to another tag
        </label>
      </fieldset>
      {mode === 'move' && (
        <SelectField label="Move annotations to" value={moveTo} onChange={(event) => setMoveTo(event.target.value)} options={[{ value: '', label: 'Choose a tag…' }, ...options]} />
      )}
    </ConfirmDialog>
  );
}
