/**
 * The query box and its filters. Edits are a draft until submitted; the URL then changes and
 * the results follow. Back and Forward bring the draft back in line with the URL.
 */
import { useState, type SubmitEvent } from 'react';
import { Button, SelectField, TextField } from '../../../ui';
import { useActors } from '../../actors';
import { useDocuments } from '../../documents';
import { countActiveFilters, type SearchFormValues } from '../search-params';
import { SearchSyntaxHelp } from './SearchSyntaxHelp';

interface SearchFormProps {
  workspaceId: string;
  values: SearchFormValues;
  onSubmit: (values: SearchFormValues) => void;
}

export function SearchForm({ workspaceId, values, onSubmit }: SearchFormProps) {
  const [draft, setDraft] = useState(values);
  const [filtersOpen, setFiltersOpen] = useState(countActiveFilters(values) > 0);
  const documents = useDocuments(workspaceId);
  const actors = useActors(workspaceId);
  const activeFilters = countActiveFilters(values);

  // New values from the URL replace the draft (adjusted while rendering, not in an effect).
  const [draftFor, setDraftFor] = useState(values);
  if (draftFor !== values) {
    setDraftFor(values);
    setDraft(values);
  }

  const field = (key: keyof SearchFormValues) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) => {
      setDraft((current) => ({ ...current, [key]: event.target.value }));
    },
  });

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(draft);
  }

  function handleClearFilters() {
    const cleared = { ...draft, document: '', source: '', author: '', language: '', from: '', to: '', actor: '' };
    setDraft(cleared);
    onSubmit(cleared);
  }

  return (
    <form role="search" aria-label="Search the corpus" className="search-form" onSubmit={handleSubmit} noValidate>
      <div className="search-form__query">
        <TextField label="Search passages" type="search" name="q" autoComplete="off" fieldClassName="search-form__input" {...field('q')} />
        <Button type="submit" variant="primary" className="search-form__submit">
          Search
        </Button>
      </div>
      <div className="search-form__tools">
        <SearchSyntaxHelp />
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          aria-expanded={filtersOpen}
          aria-controls="search-filters"
          onClick={() => {
            setFiltersOpen((open) => !open);
          }}
        >
          Filters{activeFilters > 0 && ` (${String(activeFilters)} active)`}
        </button>
        {activeFilters > 0 && (
          <Button size="sm" variant="ghost" onClick={handleClearFilters}>
            Clear filters
          </Button>
        )}
      </div>
      <fieldset id="search-filters" className="filter-grid" hidden={!filtersOpen}>
        <legend className="visually-hidden">Filters</legend>
        <SelectField
          label="Document"
          {...field('document')}
          options={[{ value: '', label: 'All documents' }, ...(documents.data ?? []).map((document) => ({ value: document.id, label: document.title }))]}
        />
        <SelectField
          label="Attributed to"
          hint="Only passages with a span attributed to this actor"
          {...field('actor')}
          options={[{ value: '', label: 'Any actor' }, ...(actors.data ?? []).map((actor) => ({ value: actor.id, label: actor.name }))]}
        />
        <TextField label="Source" {...field('source')} />
        <TextField label="Author" {...field('author')} />
        <TextField label="Language" placeholder="en" {...field('language')} />
        <TextField label="Published from" type="date" {...field('from')} />
        <TextField label="Published to" type="date" {...field('to')} />
      </fieldset>
    </form>
  );
}
