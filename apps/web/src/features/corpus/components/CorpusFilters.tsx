/**
 * Filters of the corpus list. The title filter applies as you type (after a short pause); the
 * choices (source, author, language, actor) are built from the values the corpus really has,
 * because the API matches them exactly.
 */
import type { Actor, DocumentSummary } from '@marginalia/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, SelectField, TextField } from '../../../ui';
import type { CorpusFilters as Filters, FilterParam } from '../hooks/useCorpusParams';

interface CorpusFiltersProps {
  filters: Filters;
  documents: readonly DocumentSummary[];
  actors: readonly Actor[];
  activeFilters: number;
  onChange: (changes: Partial<Record<FilterParam, string>>) => void;
  onClear: () => void;
}

const TITLE_DEBOUNCE_MS = 250;

function distinct(values: ReadonlyArray<string | null>, current: string): string[] {
  const set = new Set(values.filter((value): value is string => value !== null && value.trim() !== ''));
  if (current !== '') set.add(current);
  return [...set].sort((a, b) => a.localeCompare(b));
}

export function CorpusFilters({ filters, documents, actors, activeFilters, onChange, onClear }: CorpusFiltersProps) {
  const [title, setTitle] = useState(filters.title);
  // The other filters fold away (they take a screen on a phone) unless one is in use.
  const [open, setOpen] = useState(activeFilters - (filters.title.trim() === '' ? 0 : 1) > 0);
  const lastWritten = useRef(filters.title);

  // The URL changed from elsewhere (Back, a link, "Clear filters"): show what it says.
  useEffect(() => {
    if (filters.title !== lastWritten.current) {
      lastWritten.current = filters.title;
      setTitle(filters.title);
    }
  }, [filters.title]);

  useEffect(() => {
    if (title === lastWritten.current) return;
    const timer = window.setTimeout(() => {
      lastWritten.current = title;
      onChange({ title });
    }, TITLE_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [title, onChange]);

  const sources = useMemo(() => distinct(documents.map((d) => d.source), filters.source), [documents, filters.source]);
  const authors = useMemo(() => distinct(documents.map((d) => d.author), filters.author), [documents, filters.author]);
  const languages = useMemo(() => distinct(documents.map((d) => d.language), filters.language), [documents, filters.language]);
  const options = (values: string[], anyLabel: string) => [{ value: '', label: anyLabel }, ...values.map((value) => ({ value, label: value }))];
  const select = (key: FilterParam) => ({
    value: filters[key],
    onChange: (event: { target: { value: string } }) => {
      onChange({ [key]: event.target.value });
    },
  });

  return (
    <form
      className="corpus-filters"
      aria-label="Filter documents"
      onSubmit={(event) => {
        event.preventDefault();
        lastWritten.current = title;
        onChange({ title });
      }}
    >
      <div className="corpus-filters__main">
        <TextField
          label="Title contains"
          type="search"
          fieldClassName="corpus-filters__title"
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
          }}
        />
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          aria-expanded={open}
          aria-controls="corpus-more-filters"
          onClick={() => {
            setOpen((value) => !value);
          }}
        >
          More filters
        </button>
        {activeFilters > 0 && (
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear filters ({activeFilters})
          </Button>
        )}
      </div>
      <fieldset id="corpus-more-filters" className="filter-grid" hidden={!open}>
        <legend className="visually-hidden">More filters</legend>
        <SelectField label="Source" {...select('source')} options={options(sources, 'Any source')} />
        <SelectField label="Author" {...select('author')} options={options(authors, 'Any author')} />
        <SelectField label="Language" {...select('language')} options={options(languages, 'Any language')} />
        <TextField label="Published from" type="date" {...select('from')} />
        <TextField label="Published to" type="date" {...select('to')} />
        <SelectField
          label="Quotes actor"
          {...select('actor')}
          options={[{ value: '', label: 'Any actor' }, ...actors.map((actor) => ({ value: actor.id, label: actor.name }))]}
        />
      </fieldset>
    </form>
  );
}
