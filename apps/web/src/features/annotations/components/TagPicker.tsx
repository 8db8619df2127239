/**
 * Pick one or more tags for a span, entirely from the keyboard: type to filter (recent tags
 * first), arrows to move, Enter or Space to toggle a tag, Ctrl+Enter to apply, Escape to cancel.
 * Where the caller may add tags, "Create tag …" appears for a name that matches none. The reader
 * layer opens it on a selection; it knows nothing of the reader.
 */
import type { Tag } from '@marginalia/shared';
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Selection } from 'react-aria-components';
import { Autocomplete, Input, Label, ListBox, ListBoxItem, ListBoxSection, Header, SearchField, Tag as Chip, TagGroup, TagList, Button as AriaButton, useFilter } from 'react-aria-components';
import { Button, FormError, TextAreaField } from '../../../ui';
import { TagLabel, tagPath, useCodingSettings, useCreateTag, useTags } from '../../codebook';
import { useCurrentWorkspace, useWorkspacePermission } from '../../workspaces';
import { recentTagIds, rememberTags } from '../recent-tags';

export interface TagPickerResult {
  tagIds: string[];
  memo: string | null;
}

export interface TagPickerProps {
  onSubmit: (result: TagPickerResult) => void;
  onCancel: () => void;
  initialTagIds?: string[];
  initialMemo?: string | null;
  /** Offer a memo field (default true). */
  withMemo?: boolean;
  busy?: boolean;
  error?: unknown;
}

const CREATE = '__create__';

export function TagPicker({ onSubmit, onCancel, initialTagIds = [], initialMemo = null, withMemo = true, busy = false, error }: TagPickerProps) {
  const workspace = useCurrentWorkspace();
  const tags = useTags(workspace.id);
  const settings = useCodingSettings(workspace.id);
  const create = useCreateTag(workspace.id);
  const canManage = useWorkspacePermission('codebook.manage');
  const canAnnotate = useWorkspacePermission('annotations.create');
  const canCreate = canManage || (canAnnotate && settings.data?.editorsCreateTags === true);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string[]>(initialTagIds);
  const [memo, setMemo] = useState(initialMemo ?? '');
  const { contains } = useFilter({ sensitivity: 'base' });
  const all = useMemo(() => tags.data ?? [], [tags.data]);
  const byId = useMemo(() => new Map(all.map((tag) => [tag.id, tag])), [all]);
  const [recent] = useState(() => recentTagIds(workspace.id));
  const recentTags = recent.map((id) => byId.get(id)).filter((tag): tag is Tag => tag !== undefined);
  const others = all.filter((tag) => !recent.includes(tag.id));
  const trimmed = query.trim();
  const offerCreate = canCreate && trimmed !== '' && !all.some((tag) => tag.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase());

  function handleSelection(keys: Selection) {
    const next = keys === 'all' ? all.map((tag) => tag.id) : [...keys].map(String);
    if (next.includes(CREATE)) {
      create.mutate({ name: trimmed }, { onSuccess: (tag) => { setChosen((ids) => [...ids, tag.id]); setQuery(''); } });
      return;
    }
    setChosen(next);
  }

  function submit() {
    if (chosen.length === 0 || busy) return;
    rememberTags(workspace.id, chosen);
    onSubmit({ tagIds: chosen, memo: memo.trim() === '' ? null : memo.trim() });
  }

  function handleKeyDown(event: KeyboardEvent) {
    // Captured: the list would otherwise take Enter as "toggle the highlighted tag".
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      submit();
    } else if (event.key === 'Escape' && query === '') {
      // With text typed, Escape clears the filter first (the search field's own behaviour).
      onCancel();
    }
  }

  const item = (tag: Tag) => (
    <ListBoxItem key={tag.id} id={tag.id} textValue={tagPath(all, tag.id)} className="tag-picker__option">
      {({ isSelected }) => (
        <>
          <span className="tag-picker__check" aria-hidden="true">{isSelected ? '✓' : ''}</span>
          <TagLabel name={tag.name} color={tag.color} />
          {tag.parentId !== null && <span className="muted tag-picker__path">{tagPath(all, tag.parentId)}</span>}
        </>
      )}
    </ListBoxItem>
  );

  return (
    <div className="tag-picker" role="group" aria-label="Tag the selection" onKeyDownCapture={handleKeyDown}>
      {chosen.length > 0 && (
        <TagGroup aria-label="Chosen tags" onRemove={(keys) => setChosen((ids) => ids.filter((id) => !keys.has(id)))} className="tag-picker__chosen">
          <TagList>
            {chosen.map((id) => (
              <Chip key={id} id={id} textValue={byId.get(id)?.name ?? id} className="chip">
                <TagLabel name={byId.get(id)?.name ?? '…'} color={byId.get(id)?.color ?? 'grey'} />
                <AriaButton slot="remove" className="chip__remove" aria-label={`Remove ${byId.get(id)?.name ?? ''}`}>×</AriaButton>
              </Chip>
            ))}
          </TagList>
        </TagGroup>
      )}
      <Autocomplete inputValue={query} onInputChange={setQuery} filter={contains}>
        <SearchField aria-label="Find a tag" className="tag-picker__search" autoFocus>
          <Label className="field__label">Tags</Label>
          <Input className="input" placeholder="Type to filter…" />
        </SearchField>
        <ListBox aria-label="Tags" selectionMode="multiple" selectedKeys={chosen} onSelectionChange={handleSelection} className="tag-picker__list" renderEmptyState={() => <p className="muted">No tag matches.</p>}>
          {offerCreate && (
            <ListBoxItem id={CREATE} textValue={trimmed} className="tag-picker__option tag-picker__create">
              Create tag “{trimmed}”
            </ListBoxItem>
          )}
          {recentTags.length > 0 && (
            <ListBoxSection>
              <Header className="tag-picker__header">Recent</Header>
              {recentTags.map(item)}
            </ListBoxSection>
          )}
          <ListBoxSection>
            <Header className="tag-picker__header">{recentTags.length > 0 ? 'All tags' : 'Tags'}</Header>
            {others.map(item)}
          </ListBoxSection>
        </ListBox>
      </Autocomplete>
      <FormError error={create.error ?? error} />
      {withMemo && <TextAreaField label="Memo (optional)" value={memo} onChange={(event) => setMemo(event.target.value)} rows={2} />}
      <div className="tag-picker__actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="primary" onClick={submit} disabled={chosen.length === 0} busy={busy} aria-keyshortcuts="Control+Enter">
          Apply {chosen.length > 0 ? `(${String(chosen.length)})` : ''}
        </Button>
      </div>
    </div>
  );
}
