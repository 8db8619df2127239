/**
 * The map's toolbar: add a node (N), connect the selected nodes (C), delete (Del), undo and
 * redo, automatic layout, find a node, and the reader side panel. Menus are React Aria's, so
 * they work from the keyboard; the shortcuts open the same menus.
 */
import { MAP_EDGE_KINDS, MAP_NODE_KINDS, type MapEdgeKind, type MapNodeKind } from '@marginalia/shared';
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { Button } from '../../../ui';
import { EDGE_KIND_LABELS, NODE_KIND_LABELS } from '../canvas/map-labels';
import type { MapCommands } from '../hooks/useMapCommands';
import type { CanvasSelection } from '../hooks/useCanvasView';
import type { MapUndo } from '../hooks/useMapUndo';
import { FindNode } from './FindNode';
import type { MapSnapshot } from '@marginalia/shared';

export type ToolbarMenu = 'add' | 'connect' | null;

interface MapToolbarProps {
  snapshot: MapSnapshot;
  selection: CanvasSelection;
  commands: MapCommands;
  undo: MapUndo;
  readOnly: boolean;
  openMenu: ToolbarMenu;
  onOpenMenu: (menu: ToolbarMenu) => void;
  readerOpen: boolean;
  onToggleReader: () => void;
}

export function MapToolbar({ snapshot, selection, commands, undo, readOnly, openMenu, onOpenMenu, readerOpen, onToggleReader }: MapToolbarProps) {
  const canConnect = selection.nodes.length >= 2;
  const canDelete = selection.nodes.length + selection.edges.length > 0;
  return (
    <div className="map-toolbar" role="toolbar" aria-label="Map tools">
      {!readOnly && (
        <>
          <MenuTrigger isOpen={openMenu === 'add'} onOpenChange={(open) => onOpenMenu(open ? 'add' : null)}>
            <AriaButton className="btn btn--primary btn--sm" aria-keyshortcuts="N">
              Add node
            </AriaButton>
            <Popover className="map-menu" placement="bottom start">
              <Menu aria-label="Kind of node to add" autoFocus="first" className="map-menu__list" onAction={(key) => commands.addNodeOfKind(key as MapNodeKind)}>
                {MAP_NODE_KINDS.map((kind) => (
                  <MenuItem key={kind} id={kind} className="map-menu__item">
                    {NODE_KIND_LABELS[kind]}
                  </MenuItem>
                ))}
              </Menu>
            </Popover>
          </MenuTrigger>
          <MenuTrigger isOpen={openMenu === 'connect'} onOpenChange={(open) => onOpenMenu(open && canConnect ? 'connect' : null)}>
            <AriaButton className="btn btn--secondary btn--sm" isDisabled={!canConnect} aria-keyshortcuts="C">
              Connect…
            </AriaButton>
            <Popover className="map-menu" placement="bottom start">
              <Menu aria-label="The other selected nodes… the first one" autoFocus="first" className="map-menu__list" onAction={(key) => commands.connectSelection(key as MapEdgeKind)}>
                {MAP_EDGE_KINDS.map((kind) => (
                  <MenuItem key={kind} id={kind} className="map-menu__item">
                    {`… ${EDGE_KIND_LABELS[kind]} the first selected`}
                  </MenuItem>
                ))}
              </Menu>
            </Popover>
          </MenuTrigger>
          <Button size="sm" variant="ghost" onClick={commands.deleteSelection} disabled={!canDelete} aria-keyshortcuts="Delete">
            Delete
          </Button>
          <Button size="sm" variant="ghost" onClick={undo.undo} disabled={!undo.canUndo} aria-keyshortcuts="Control+Z">
            Undo
          </Button>
          <Button size="sm" variant="ghost" onClick={undo.redo} disabled={!undo.canRedo} aria-keyshortcuts="Control+Shift+Z">
            Redo
          </Button>
          <Button size="sm" variant="ghost" onClick={() => void commands.layout()} disabled={snapshot.nodes.length === 0}>
            Tidy layout
          </Button>
        </>
      )}
      <Button size="sm" variant="ghost" onClick={onToggleReader} aria-pressed={readerOpen}>
        {readerOpen ? 'Close reader' : 'Open reader'}
      </Button>
      <FindNode nodes={snapshot.nodes} onFind={commands.focusNode} />
    </div>
  );
}
