/**
 * "Find a node": a combobox over the nodes' text; choosing one centres and focuses it.
 * It filters the nodes itself and hands the list only the first matches, and none until
 * something is typed: React Aria builds a collection of every item it is given, on each change
 * of the map, which on a 1,000-node map costs as much as drawing the map. The list opens on
 * typing even while empty (its collection of matches follows a render later).
 */
import type { MapNode } from '@marginalia/shared';
import { useMemo, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { NODE_KIND_LABELS, nodeTitle } from '../canvas/map-labels';

/** Matches listed at most; typing more narrows them. */
const MAX_MATCHES = 50;

export function FindNode({ nodes, onFind }: { nodes: readonly MapNode[]; onFind: (nodeId: string) => void }) {
  const [query, setQuery] = useState('');
  const matches = useMemo(() => findNodes(nodes, query), [nodes, query]);
  return (
    <ComboBox
      className="map-find"
      aria-label="Find a node"
      inputValue={query}
      onInputChange={setQuery}
      menuTrigger="input"
      allowsEmptyCollection
      onSelectionChange={(key) => {
        if (key === null) return;
        setQuery('');
        onFind(String(key));
      }}
      items={matches}
    >
      <Label className="visually-hidden">Find a node</Label>
      <Input className="input input--sm" placeholder="Find a node…" />
      <Popover className="map-menu" placement="bottom end">
        <ListBox className="map-menu__list" renderEmptyState={() => <p className="muted map-menu__empty">{query.trim() === '' ? 'Type words from a node’s text.' : 'No node matches.'}</p>}>
          {(node: MapNode) => (
            <ListBoxItem id={node.id} textValue={nodeTitle(node.text)} className="map-menu__item">
              <span className="map-find__kind">{NODE_KIND_LABELS[node.kind]}</span> {nodeTitle(node.text).slice(0, 90)}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/** Nodes whose text contains the query, ignoring case and accents (as React Aria's `contains` filter did). */
function findNodes(nodes: readonly MapNode[], query: string): MapNode[] {
  const wanted = folded(query.trim());
  if (wanted === '') return [];
  const matches: MapNode[] = [];
  for (const node of nodes) {
    if (folded(nodeTitle(node.text)).includes(wanted)) matches.push(node);
    if (matches.length === MAX_MATCHES) break;
  }
  return matches;
}

function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}
