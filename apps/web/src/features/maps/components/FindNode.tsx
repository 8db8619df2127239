/** "Find a node": a combobox over the nodes' text; choosing one centres and focuses it. */
import type { MapNode } from '@marginalia/shared';
import { useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { NODE_KIND_LABELS, nodeTitle } from '../canvas/map-labels';

export function FindNode({ nodes, onFind }: { nodes: readonly MapNode[]; onFind: (nodeId: string) => void }) {
  const [query, setQuery] = useState('');
  return (
    <ComboBox
      className="map-find"
      aria-label="Find a node"
      inputValue={query}
      onInputChange={setQuery}
      menuTrigger="input"
      onSelectionChange={(key) => {
        if (key === null) return;
        setQuery('');
        onFind(String(key));
      }}
      defaultItems={nodes}
    >
      <Label className="visually-hidden">Find a node</Label>
      <Input className="input input--sm" placeholder="Find a node…" />
      <Popover className="map-menu" placement="bottom end">
        <ListBox className="map-menu__list" renderEmptyState={() => <p className="muted map-menu__empty">No node matches.</p>}>
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
