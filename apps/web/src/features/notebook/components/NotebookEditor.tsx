/**
 * The CodeMirror editor bound to the notebook's Y.Text. The view is built once per document;
 * later changes to `readOnly` reconfigure it in place, keeping scroll position and selection.
 */
import { Compartment } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { notebookExtensions, readOnlyExtension } from '../editor-extensions';

export interface NotebookEditorProps {
  text: Y.Text;
  awareness: Awareness;
  readOnly: boolean;
}

export function NotebookEditor({ text, awareness, readOnly }: NotebookEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const editableRef = useRef(new Compartment());
  // What the view is built with; kept current by the reconfiguring effect below.
  const readOnlyRef = useRef(readOnly);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const undoManager = new Y.UndoManager(text);
    const view = new EditorView({
      parent: host,
      doc: text.toJSON(),
      extensions: notebookExtensions(text, awareness, undoManager, editableRef.current, readOnlyRef.current),
    });
    viewRef.current = view;
    return () => {
      viewRef.current = null;
      view.destroy();
      undoManager.destroy();
      // Our cursor leaves with the editor: others should not see it frozen in place.
      awareness.setLocalStateField('cursor', null);
    };
  }, [text, awareness]);

  useEffect(() => {
    readOnlyRef.current = readOnly;
    viewRef.current?.dispatch({ effects: editableRef.current.reconfigure(readOnlyExtension(readOnly)) });
  }, [readOnly]);

  return <div className="notebook-editor" ref={hostRef} data-readonly={readOnly || undefined} />;
}
