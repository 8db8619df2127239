/** The reader's keyboard shortcuts, opened with "?". */
import { Button, Dialog } from '../../../ui';

const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: string }> = [
  { keys: ['j', '↓'], action: 'Next passage' },
  { keys: ['k', '↑'], action: 'Previous passage' },
  { keys: [']'], action: 'Next document' },
  { keys: ['['], action: 'Previous document' },
  { keys: ['/', 'Ctrl+F'], action: 'Find in this document (Ctrl+F again: the browser’s find)' },
  { keys: ['Tab'], action: 'With text selected: move to the actions for the selection' },
  { keys: ['c'], action: 'Copy a link to the selected text, or else to the current passage' },
  { keys: ['s'], action: 'Select the current passage’s first sentence; again: extend the selection by the next sentence' },
  { keys: ['a'], action: 'Attribute the selected text to an actor (editors)' },
  { keys: ['t'], action: 'Tag the selected text (editors)' },
  { keys: ['m'], action: 'Comment on the selected text (commenters)' },
  { keys: ['Ctrl+Z'], action: 'Undo the last tagging made here' },
  { keys: ['?'], action: 'Show these shortcuts (one-key shortcuts can be turned off under Account)' },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} className="shortcut-list__row">
            <dt>
              {shortcut.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && <span className="muted"> or </span>}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{shortcut.action}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Shortcuts are off while you type in a field. ↓ and ↑ move between passages once one has focus.</p>
      <div className="dialog__actions">
        <Button variant="primary" onClick={onClose} autoFocus>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
