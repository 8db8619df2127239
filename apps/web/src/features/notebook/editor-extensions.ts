/**
 * The notebook's CodeMirror setup: Markdown with syntax colours, soft wrapping, and Yjs
 * binding (text, remote cursors labelled with names, undo that only undoes your own edits).
 * Read-only (and the placeholder that goes with it) lives in a compartment, so a role change
 * flips it without rebuilding the editor.
 */
import { defaultKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Compartment, type Extension } from '@codemirror/state';
import { drawSelection, dropCursor, EditorView, highlightActiveLine, highlightSpecialChars, keymap, placeholder } from '@codemirror/view';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

export function readOnlyExtension(readOnly: boolean): Extension {
  return [
    EditorState.readOnly.of(readOnly),
    EditorView.editable.of(!readOnly),
    placeholder(readOnly ? 'The notebook is empty.' : 'Write notes for the team in Markdown: # headings, **bold**, - lists, [links](https://…)'),
  ];
}

/** Names above remote cursors stay visible (y-codemirror.next shows them only on hover). */
const remoteCursorLabels = EditorView.theme({
  '.cm-ySelectionInfo': { opacity: 1, top: '-1.35em', fontFamily: 'var(--font-sans)', fontWeight: 600, borderRadius: '3px 3px 3px 0', padding: '1px 4px' },
});

export function notebookExtensions(text: Y.Text, awareness: Awareness, undoManager: Y.UndoManager, editable: Compartment, readOnly: boolean): Extension {
  return [
    highlightSpecialChars(),
    drawSelection(),
    dropCursor(),
    highlightActiveLine(),
    EditorView.lineWrapping,
    markdown(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    keymap.of([...yUndoManagerKeymap, ...defaultKeymap, indentWithTab]),
    EditorView.contentAttributes.of({ 'aria-label': 'Notebook text (Markdown)' }),
    yCollab(text, awareness, { undoManager }),
    remoteCursorLabels,
    editable.of(readOnlyExtension(readOnly)),
  ];
}
