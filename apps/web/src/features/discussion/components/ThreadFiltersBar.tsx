/** The filters above the thread list: status, mine, mentioning me, anchor kind, document, and full-text search. */
import { THREAD_ANCHOR_KINDS } from '@marginalia/shared';
import { useEffect, useState } from 'react';
import { SelectField, TextField } from '../../../ui';
import { useDocuments } from '../../documents';
import { ANCHOR_KIND_LABELS } from '../anchor-links';
import type { ThreadFilters } from '../thread-filters';

export interface ThreadFiltersBarProps {
  workspaceId: string;
  filters: ThreadFilters;
  onChange: (filters: ThreadFilters) => void;
}

const SEARCH_DELAY_MS = 300;

export function ThreadFiltersBar({ workspaceId, filters, onChange }: ThreadFiltersBarProps) {
  const documents = useDocuments(workspaceId);
  const [search, setSearch] = useState(filters.q);

  // The search runs once typing pauses, not on every keystroke.
  useEffect(() => {
    if (search === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  return (
    <div className="thread-filters" role="search" aria-label="Filter threads">
      <TextField label="Search comments" type="search" value={search} placeholder="Words in any comment" onChange={(event) => setSearch(event.target.value)} fieldClassName="thread-filters__search" />
      <SelectField
        label="Status"
        value={filters.status}
        onChange={(event) => onChange({ ...filters, status: event.target.value as ThreadFilters['status'] })}
        options={[
          { value: 'all', label: 'All threads' },
          { value: 'open', label: 'Open' },
          { value: 'resolved', label: 'Resolved' },
        ]}
      />
      <SelectField
        label="About"
        value={filters.anchorKind}
        onChange={(event) => onChange({ ...filters, anchorKind: event.target.value as ThreadFilters['anchorKind'] })}
        options={[{ value: '', label: 'Anything' }, ...THREAD_ANCHOR_KINDS.map((kind) => ({ value: kind, label: ANCHOR_KIND_LABELS[kind] }))]}
      />
      <SelectField
        label="Document"
        value={filters.documentId}
        onChange={(event) => onChange({ ...filters, documentId: event.target.value })}
        options={[{ value: '', label: 'Any document' }, ...(documents.data ?? []).map((document) => ({ value: document.id, label: document.title }))]}
      />
      <fieldset className="thread-filters__flags">
        <legend className="visually-hidden">Only</legend>
        <label className="checkbox">
          <input type="checkbox" checked={filters.mine} onChange={(event) => onChange({ ...filters, mine: event.target.checked })} /> Mine
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filters.mentioningMe} onChange={(event) => onChange({ ...filters, mentioningMe: event.target.checked })} /> Mentioning me
        </label>
      </fieldset>
    </div>
  );
}
