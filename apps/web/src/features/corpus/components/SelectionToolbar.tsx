/**
 * Floating actions for text selected in the reader: copy a link to exactly that span, and for
 * editors attribute it to an actor. Pressing its buttons keeps the selection (mousedown is
 * cancelled), and it sits in <body> so page coordinates place it under the selection.
 */
import { createPortal } from 'react-dom';
import type { TextSelection } from '../hooks/useTextSelection';

interface SelectionToolbarProps {
  selection: TextSelection;
  canEdit: boolean;
  onCopyLink: () => void;
  onAttribute: () => void;
}

export function SelectionToolbar({ selection, canEdit, onCopyLink, onAttribute }: SelectionToolbarProps) {
  const left = Math.max(8, Math.min(selection.anchor.left - 120, document.documentElement.clientWidth - 280));
  return createPortal(
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selected text"
      style={{ top: selection.anchor.top + 6, left }}
      onMouseDown={(event) => {
        event.preventDefault();
      }}
    >
      <button type="button" className="selection-toolbar__button" onClick={onCopyLink}>
        Copy link to selection
      </button>
      {canEdit && (
        <button type="button" className="selection-toolbar__button" onClick={onAttribute}>
          Attribute to actor…
        </button>
      )}
    </div>,
    document.body,
  );
}
