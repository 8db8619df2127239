/**
 * Floating actions for text selected in the reader: copy a link to exactly that span, and the
 * reader layers' actions (attribute to an actor, tag...). Pressing its buttons keeps the selection (mousedown is
 * cancelled), and it sits in <body> so page coordinates place it under the selection.
 * Keyboard: while text is selected, Tab moves into the toolbar (it is last in the page's tab
 * order otherwise), arrows move between its buttons, Escape leaves it and drops the selection.
 */
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { TextSelection } from '../hooks/useTextSelection';
import type { SelectionAction } from '../layers/reader-layer';

interface SelectionToolbarProps {
  selection: TextSelection;
  actions: readonly SelectionAction[];
  onCopyLink: () => void;
  /** Escape: the selection is dropped and focus goes back to the text. */
  onDismiss: () => void;
}

function buttonsOf(toolbar: HTMLElement | null): HTMLButtonElement[] {
  return toolbar ? [...toolbar.querySelectorAll<HTMLButtonElement>('button')] : [];
}

export function SelectionToolbar({ selection, actions, onCopyLink, onDismiss }: SelectionToolbarProps) {
  const toolbarRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    function handleTab(event: KeyboardEvent) {
      if (event.key !== 'Tab' || event.shiftKey || event.defaultPrevented) return;
      if (toolbarRef.current?.contains(document.activeElement)) return;
      event.preventDefault();
      buttonsOf(toolbarRef.current)[0]?.focus();
    }
    document.addEventListener('keydown', handleTab);
    return () => {
      document.removeEventListener('keydown', handleTab);
    };
  }, []);

  function handleKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    const buttons = buttonsOf(toolbarRef.current);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      onDismiss();
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const step = event.key === 'ArrowRight' ? 1 : -1;
      buttons[(index + step + buttons.length) % buttons.length]?.focus();
    }
  }

  const left = Math.max(8, Math.min(selection.anchor.left - 120, document.documentElement.clientWidth - 280));
  return createPortal(
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selected text"
      ref={toolbarRef}
      style={{ top: selection.anchor.top + 6, left }}
      onKeyDown={handleKeyDown}
      onMouseDown={(event) => {
        event.preventDefault();
      }}
    >
      <button type="button" className="selection-toolbar__button" onClick={onCopyLink}>
        Copy link to selection
      </button>
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          className="selection-toolbar__button"
          aria-keyshortcuts={action.shortcut}
          onClick={() => {
            action.run(selection);
          }}
        >
          {action.label}
        </button>
      ))}
    </div>,
    document.body,
  );
}
