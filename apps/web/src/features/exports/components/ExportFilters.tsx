/**
 * What to export: documents, tags, analysts and maps, each a list of checkboxes where nothing
 * ticked means everything (the API's default), so the common case needs no clicks.
 */
import { Checkbox, CheckboxGroup, Label, Text } from 'react-aria-components';
import type { ExportFilters as Filters } from '../export-filters';

export interface FilterChoice {
  id: string;
  label: string;
}

interface FilterListProps {
  label: string;
  choices: readonly FilterChoice[] | undefined;
  value: readonly string[];
  onChange: (value: string[]) => void;
}

function FilterList({ label, choices, value, onChange }: FilterListProps) {
  return (
    <CheckboxGroup className="exports__filter" value={[...value]} onChange={onChange}>
      <Label className="exports__choices-label">{label}</Label>
      <Text slot="description" className="exports__filter-hint">
        {value.length === 0 ? 'All (tick some to narrow the export)' : `${value.length} chosen`}
      </Text>
      <div className="exports__filter-list">
        {choices === undefined && <span className="exports__filter-hint">Loading…</span>}
        {choices?.length === 0 && <span className="exports__filter-hint">None in this workspace.</span>}
        {choices?.map((choice) => (
          <Checkbox key={choice.id} value={choice.id} className="exports__check">
            <span className="exports__box" aria-hidden="true" />
            {choice.label}
          </Checkbox>
        ))}
      </div>
    </CheckboxGroup>
  );
}

export interface FilterSources {
  documents: readonly FilterChoice[] | undefined;
  tags: readonly FilterChoice[] | undefined;
  analysts: readonly FilterChoice[] | undefined;
  maps: readonly FilterChoice[] | undefined;
}

export function ExportFilters({ sources, value, onChange }: { sources: FilterSources; value: Filters; onChange: (value: Filters) => void }) {
  return (
    <div className="exports__filters">
      <FilterList label="Documents" choices={sources.documents} value={value.documents} onChange={(documents) => onChange({ ...value, documents })} />
      <FilterList label="Tags" choices={sources.tags} value={value.tags} onChange={(tags) => onChange({ ...value, tags })} />
      <FilterList label="Analysts" choices={sources.analysts} value={value.analysts} onChange={(analysts) => onChange({ ...value, analysts })} />
      <FilterList label="Argument maps" choices={sources.maps} value={value.maps} onChange={(maps) => onChange({ ...value, maps })} />
    </div>
  );
}
