/** Turning one-key shortcuts off and on (WCAG 2.1.4), for this browser. */
import { setSingleKeyShortcutsEnabled, useSingleKeyShortcuts } from '../../../lib/single-key-shortcuts';

export function ShortcutsPreference() {
  const enabled = useSingleKeyShortcuts();
  return (
    <div className="field">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => {
            setSingleKeyShortcutsEnabled(event.target.checked);
          }}
        />{' '}
        One-key shortcuts (j, k, /, c, a, ? in the reader)
      </label>
      <p className="field__hint">Turn them off if you use speech input or often press keys by accident. Shortcuts with Ctrl or Cmd stay on. Saved in this browser.</p>
    </div>
  );
}
