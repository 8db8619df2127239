/**
 * The reader's annotation filter, above the text: tags (a popover with a search field over a
 * multiple-selection list, the chosen ones also shown as removable chips, and whether sub-tags
 * count), an analyst, "mine only", how many annotations
 * are shown of how many, and one button that clears it all. Every control is a React Aria
 * widget, so it works from the keyboard and names itself to screen readers; the count is a
 * polite live region, so a change is announced without moving focus.
 */
import type { Analyst, Tag } from '@marginalia/shared';
import { useMemo, useState } from 'react';
import {
  Autocomplete,
  Button as AriaButton,
  Checkbox,
  Dialog,
  DialogTrigger,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SearchField,
  Select,
  SelectValue,
  Switch,
  Tag as Chip,
  TagGroup,
  TagList,
  useFilter,
} from 'react-aria-components';
import { Button } from '../../../ui';
import { TagLabel, tagPath } from '../../codebook';
import { CONSENSUS, isFiltering, type AnnotationFilter } from '../annotation-filter';

const ANYONE = 'anyone';

export interface AnnotationFilterBarProps {
  filter: AnnotationFilter;
  onChange: (patch: Partial<AnnotationFilter>) => void;
  tags: readonly Tag[];
  /** Analysts with annotations in this document (the signed-in one excluded: "mine only" is theirs). */
  analysts: readonly Analyst[];
  hasConsensus: boolean;
  shown: number;
  total: number;
}

export function AnnotationFilterBar({ filter, onChange, tags, analysts, hasConsensus, shown, total }: AnnotationFilterBarProps) {
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags]);
  const choices = useMemo(() => tags.map((tag) => ({ id: tag.id, tag, path: tagPath(tags, tag.id) })), [tags]);
  const { contains } = useFilter({ sensitivity: 'base' });
  const tagSummary = filter.tagIds.length === 0 ? 'Any tag' : filter.tagIds.length === 1 ? (byId.get(filter.tagIds[0]!)?.name ?? '1 tag') : `${String(filter.tagIds.length)} tags`;
  const analystChoices = [{ id: ANYONE, name: 'Anyone' }, ...analysts.map((analyst) => ({ id: analyst.id, name: analyst.displayName })), ...(hasConsensus ? [{ id: CONSENSUS, name: 'Team consensus' }] : [])];
  const filtering = isFiltering(filter);

  return (
    <section className="annotation-filter" aria-label="Filter annotations">
      <div className="annotation-filter__controls">
        <div className="annotation-filter__field annotation-filter__tags">
          <span className="annotation-filter__label" aria-hidden="true">
            Tags
          </span>
          <DialogTrigger onOpenChange={() => setQuery('')}>
            <AriaButton className="input input--compact annotation-filter__select" aria-label={`Filter by tag: ${tagSummary}`}>
              <span>{tagSummary}</span>
              <span aria-hidden="true">▾</span>
            </AriaButton>
            <Popover className="annotation-filter__popover" placement="bottom start">
              <Dialog className="annotation-filter__dialog" aria-label="Filter by tag">
                <Autocomplete inputValue={query} onInputChange={setQuery} filter={contains}>
                  <SearchField aria-label="Find a tag" autoFocus>
                    <Input className="input input--compact annotation-filter__search" placeholder="Type to filter…" />
                  </SearchField>
                  <ListBox
                    aria-label="Tags"
                    className="annotation-filter__list"
                    items={choices}
                    selectionMode="multiple"
                    // Escape closes the list (after clearing the search text), never empties the filter.
                    escapeKeyBehavior="none"
                    selectedKeys={filter.tagIds}
                    onSelectionChange={(keys) => {
                      onChange({ tagIds: keys === 'all' ? tags.map((tag) => tag.id) : [...keys].map(String) });
                    }}
                    renderEmptyState={() => <p className="muted annotation-filter__empty">No tag matches.</p>}
                  >
                    {({ tag, path }: { tag: Tag; path: string }) => (
                      <ListBoxItem id={tag.id} textValue={path} className="tag-picker__option">
                        {({ isSelected }) => (
                          <>
                            <span className="tag-picker__check" aria-hidden="true">
                              {isSelected ? '✓' : ''}
                            </span>
                            <TagLabel name={tag.name} color={tag.color} />
                            {tag.parentId !== null && <span className="muted tag-picker__path">{tagPath(tags, tag.parentId)}</span>}
                          </>
                        )}
                      </ListBoxItem>
                    )}
                  </ListBox>
                </Autocomplete>
              </Dialog>
            </Popover>
          </DialogTrigger>
        </div>
        <Select
          className="annotation-filter__field"
          selectedKey={filter.analystId ?? ANYONE}
          onSelectionChange={(key) => {
            onChange({ analystId: key === ANYONE || key === null ? null : String(key) });
          }}
          isDisabled={filter.mineOnly}
        >
          <Label className="annotation-filter__label">Analyst</Label>
          <AriaButton className="input input--compact annotation-filter__select">
            <SelectValue />
            <span aria-hidden="true">▾</span>
          </AriaButton>
          <Popover className="annotation-filter__popover" placement="bottom start">
            <ListBox className="annotation-filter__list" items={analystChoices}>
              {(choice) => (
                <ListBoxItem id={choice.id} textValue={choice.name} className="tag-picker__option">
                  {choice.name}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </Select>
        <Switch className="switch annotation-filter__mine" isSelected={filter.mineOnly} onChange={(mineOnly) => onChange(mineOnly ? { mineOnly, analystId: null } : { mineOnly })}>
          <span className="switch__track" aria-hidden="true" />
          Mine only
        </Switch>
      </div>
      {filter.tagIds.length > 0 && (
        <div className="annotation-filter__chosen">
          <TagGroup aria-label="Tags in the filter" onRemove={(keys) => onChange({ tagIds: filter.tagIds.filter((id) => !keys.has(id)) })}>
            <TagList className="annotation-filter__chips">
              {filter.tagIds.map((id) => {
                const tag = byId.get(id);
                return (
                  <Chip key={id} id={id} textValue={tag?.name ?? 'a deleted tag'} className="chip">
                    <TagLabel name={tag?.name ?? 'a deleted tag'} color={tag?.color ?? 'grey'} />
                    <AriaButton slot="remove" className="chip__remove" aria-label={`Remove ${tag?.name ?? 'tag'} from the filter`}>
                      ×
                    </AriaButton>
                  </Chip>
                );
              })}
            </TagList>
          </TagGroup>
          <Checkbox className="annotation-filter__check" isSelected={filter.withSubTags} onChange={(withSubTags) => onChange({ withSubTags })}>
            <span className="annotation-filter__box" aria-hidden="true">
              {filter.withSubTags ? '✓' : ''}
            </span>
            Include sub-tags
          </Checkbox>
        </div>
      )}
      <div className="annotation-filter__summary">
        <p role="status" className="annotation-filter__count">
          {filtering ? `${String(shown)} of ${String(total)} annotations shown` : `All ${String(total)} annotations shown`}
        </p>
        {filtering && (
          <Button size="sm" onClick={() => onChange({ tagIds: [], withSubTags: true, analystId: null, mineOnly: false })}>
            Clear filter
          </Button>
        )}
      </div>
    </section>
  );
}
