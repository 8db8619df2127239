/**
 * The "Map" view: toolbar, canvas, inspector and (optionally) a reader side panel to drag
 * passages from. Owns the keyboard shortcuts, which run the same commands as the toolbar:
 * N add, C connect, Del delete, Enter edit, Ctrl+C/V copy/paste, Ctrl+Z/Ctrl+Shift+Z undo/redo,
 * arrows move the selected nodes (React Flow handles them on a focused node).
 */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useStableCallback } from '../../../lib/use-stable-callback';
import { MapCanvas } from '../canvas/MapCanvas';
import { createFlowCache, initialFlow, type FlowCache } from '../canvas/to-flow';
import { useCanvasView } from '../hooks/useCanvasView';
import { useMapCommands } from '../hooks/useMapCommands';
import { useMapPeers } from '../hooks/useMapPresence';
import { useMapUndo } from '../hooks/useMapUndo';
import { EdgeInspector } from '../inspector/EdgeInspector';
import { NODE_TEXT_FIELD_ID, NodeInspector } from '../inspector/NodeInspector';
import { useMapSession, useMapSnapshot } from '../map-session';
import { mapSnapshotStore } from '../map-snapshot-store';
import { MapToolbar, type ToolbarMenu } from './MapToolbar';
import { ReaderSidePanel } from '../evidence/ReaderSidePanel';

export function MapEditor() {
  const { doc } = useMapSession();
  const [flowCache] = useState(createFlowCache);
  // Read once, without subscribing: React Flow's store starts with the map as it is when the editor opens.
  const [initial] = useState(() => initialFlow(mapSnapshotStore(doc).getSnapshot(), flowCache));
  return (
    <ReactFlowProvider initialNodes={initial.nodes} initialEdges={initial.edges}>
      <MapEditorInner flowCache={flowCache} />
    </ReactFlowProvider>
  );
}

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

const ARROWS: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

function MapEditorInner({ flowCache }: { flowCache: FlowCache }) {
  const session = useMapSession();
  const { doc, awareness, readOnly } = session;
  const snapshot = useMapSnapshot();
  const view = useCanvasView(doc, snapshot, readOnly);
  const undo = useMapUndo(doc);
  const peers = useMapPeers(awareness);
  const canvasRef = useRef<HTMLDivElement>(null);
  const [openMenu, setOpenMenu] = useState<ToolbarMenu>(null);
  const [readerOpen, setReaderOpen] = useState(false);
  const editorRef = useRef<HTMLDivElement>(null);
  const editNode = useStableCallback(() => document.getElementById(NODE_TEXT_FIELD_ID)?.focus());
  const commands = useMapCommands({ snapshot, selection: view.selection, setSelection: view.setSelection, sizes: view.sizes, undo, canvasRef, editNode });

  // A link from elsewhere (the reader's "cited in map") names the node to show: ?node=<id>.
  const [searchParams] = useSearchParams();
  const linkedNode = searchParams.get('node');
  const shownLinkedNode = useRef<string | null>(null);
  const linkedNodeExists = linkedNode !== null && snapshot.nodes.some((node) => node.id === linkedNode);
  const { focusNode } = commands;
  useEffect(() => {
    if (!linkedNode || !linkedNodeExists || shownLinkedNode.current === linkedNode) return;
    // Once React Flow has measured the nodes.
    const timer = window.setTimeout(() => {
      shownLinkedNode.current = linkedNode;
      focusNode(linkedNode);
    }, 200);
    return () => window.clearTimeout(timer);
  }, [linkedNode, linkedNodeExists, focusNode]);

  // Undo and redo work wherever focus is on the page (outside text fields, which have their own),
  // e.g. after deleting the focused node, when focus has fallen back to the page.
  const handleUndoKeys = useStableCallback((event: globalThis.KeyboardEvent) => {
    if (readOnly || event.defaultPrevented || !(event.ctrlKey || event.metaKey) || isTyping(event.target ?? document.body)) return;
    if (editorRef.current?.contains(event.target as Node)) return;
    const key = event.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    event.preventDefault();
    if (key === 'y' || event.shiftKey) undo.redo();
    else undo.undo();
  });
  useEffect(() => {
    document.addEventListener('keydown', handleUndoKeys);
    return () => document.removeEventListener('keydown', handleUndoKeys);
  }, [handleUndoKeys]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.defaultPrevented || isTyping(event.target)) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    const onNode = event.target instanceof HTMLElement && event.target.classList.contains('react-flow__node');
    let handled = true;
    if (mod && key === 'z' && !readOnly) (event.shiftKey ? undo.redo : undo.undo)();
    else if (mod && key === 'y' && !readOnly) undo.redo();
    else if (mod && key === 'c') commands.copy();
    else if (mod && key === 'v' && !readOnly) void commands.paste();
    else if (mod || event.altKey) handled = false;
    else if (key === 'n' && !readOnly) setOpenMenu('add');
    else if (key === 'c' && !readOnly && view.selection.nodes.length >= 2) setOpenMenu('connect');
    else if ((event.key === 'Delete' || event.key === 'Backspace') && !readOnly) {
      commands.deleteSelection();
      // The focused node may be gone: keep focus in the editor so the next shortcut still works.
      editorRef.current?.focus();
    }
    else if (event.key === 'Enter' && onNode && view.selection.nodes.includes((event.target as HTMLElement).dataset.id ?? '')) editNode();
    else if (event.key in ARROWS && !onNode && !readOnly && view.selection.nodes.length > 0) {
      const [dx, dy] = ARROWS[event.key] ?? [0, 0];
      commands.nudge(dx * (event.shiftKey ? 40 : 10), dy * (event.shiftKey ? 40 : 10));
    } else handled = false;
    if (handled) event.preventDefault();
  }

  const selectedNode = view.selection.nodes.length === 1 ? snapshot.nodes.find((node) => node.id === view.selection.nodes[0]) : undefined;
  const selectedEdge = view.selection.nodes.length === 0 && view.selection.edges.length === 1 ? snapshot.edges.find((edge) => edge.id === view.selection.edges[0]) : undefined;

  return (
    // The shortcuts bubble up from the focusable nodes, edges and tools inside; the group itself is not a control.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div className={`map-editor${readerOpen ? ' map-editor--with-reader' : ''}`} ref={editorRef} tabIndex={-1} role="group" aria-label="Map editor" onKeyDown={handleKeyDown}>
      <MapToolbar
        snapshot={snapshot}
        selection={view.selection}
        commands={commands}
        undo={undo}
        readOnly={readOnly}
        openMenu={openMenu}
        onOpenMenu={setOpenMenu}
        readerOpen={readerOpen}
        onToggleReader={() => setReaderOpen((open) => !open)}
      />
      <div className="map-editor__body">
        {readerOpen && <ReaderSidePanel onClose={() => setReaderOpen(false)} />}
        <MapCanvas snapshot={snapshot} flowCache={flowCache} view={view} peers={peers} commands={commands} canvasRef={canvasRef} onSelectionChange={view.setSelection} />
        <aside className="map-editor__inspector" aria-label="Inspector">
          {selectedNode && <NodeInspector key={selectedNode.id} node={selectedNode} />}
          {selectedEdge && <EdgeInspector edge={selectedEdge} snapshot={snapshot} />}
          {!selectedNode && !selectedEdge && (
            <p className="muted map-editor__hint">
              {view.selection.nodes.length > 1
                ? `${String(view.selection.nodes.length)} nodes selected. Connect them with C, or delete them with Del.`
                : snapshot.nodes.length === 0
                  ? readOnly
                    ? 'This map is empty.'
                    : 'Press N to add the first node, or drag a passage from the reader.'
                  : 'Select a node to see its details. Tab moves between nodes.'}
            </p>
          )}
        </aside>
      </div>
    </div>
  );
}
