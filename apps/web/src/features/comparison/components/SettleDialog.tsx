/** Records the team's agreed tags for a passage as a consensus annotation, kept apart from each analyst's coding. */
import type { Tag } from '@marginalia/shared';
import { useState } from 'react';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { passageNumber } from '../../../lib/reader-links';
import { ConfirmDialog, TextAreaField, useToast } from '../../../ui';
import { useCreateAnnotation } from '../../annotations';
import { TagLabel } from '../../codebook';
import type { ComparisonRow } from '../side-by-side-model';

interface Props {
  workspaceId: string;
  documentId: string;
  row: ComparisonRow | null;
  tags: Tag[];
  onClose: () => void;
}

/** Tags at least half of the analysts who coded the passage applied: a starting point to edit. */
function majority(row: ComparisonRow): string[] {
  const present = row.coded.filter((tags) => tags !== null);
  const counts = new Map<string, number>();
  for (const tags of present) for (const id of tags) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].filter(([, count]) => count * 2 >= present.length).map(([id]) => id);
}

export function SettleDialog({ workspaceId, documentId, row, tags, onClose }: Props) {
  const { showToast } = useToast();
  const create = useCreateAnnotation(workspaceId);
  const [chosen, setChosen] = useState<string[]>(() => (row ? majority(row) : []));
  const [memo, setMemo] = useState('');
  const proposed = new Set(row?.coded.flatMap((tagSet) => (tagSet ? [...tagSet] : [])));
  const options = tags.filter((tag) => proposed.has(tag.id));
  const number = row ? passageNumber(row.passage.index) : 0;

  function handleConfirm() {
    if (!row) return;
    create.mutate(
      { documentId, start: row.passage.start, end: row.passage.end, tagIds: chosen, memo: memo.trim() === '' ? null : memo, kind: 'consensus' },
      {
        onSuccess: () => {
          showToast(`Passage ${String(number)} settled.`);
          onClose();
        },
      },
    );
  }

  return (
    <ConfirmDialog
      open={row !== null}
      onClose={onClose}
      onConfirm={handleConfirm}
      title={`Settle passage ${String(number)}`}
      description={<p>Choose the tags the team agrees on. This is recorded as the consensus; each analyst’s own coding stays as it is.</p>}
      confirmLabel="Record consensus"
      confirmDisabled={chosen.length === 0}
      busy={create.isPending}
      error={create.error}
    >
      <CheckboxGroup className="checkbox-group" value={chosen} onChange={setChosen}>
        <Label className="field__label">Agreed tags</Label>
        {options.map((tag) => (
          <Checkbox key={tag.id} value={tag.id} className="checkbox-option">
            <span className="checkbox-option__box" aria-hidden="true" />
            <TagLabel name={tag.name} color={tag.color} />
          </Checkbox>
        ))}
      </CheckboxGroup>
      <TextAreaField label="Memo (optional)" value={memo} onChange={(event) => setMemo(event.target.value)} rows={2} />
    </ConfirmDialog>
  );
}
