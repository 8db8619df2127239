/** Edit (Markdown source, with everyone's cursors) or Read (rendered). Two pressed-state buttons. */
import { cx } from '../../../ui';

export type NotebookView = 'edit' | 'read';

export interface NotebookViewToggleProps {
  view: NotebookView;
  onChange: (view: NotebookView) => void;
  /** Then "Edit" would promise too much: the source view is labelled "Source". */
  readOnly: boolean;
}

export function NotebookViewToggle({ view, onChange, readOnly }: NotebookViewToggleProps) {
  const options: { key: NotebookView; label: string }[] = [
    { key: 'edit', label: readOnly ? 'Source' : 'Edit' },
    { key: 'read', label: 'Read' },
  ];
  return (
    <div className="segmented" role="group" aria-label="Notebook view">
      {options.map((option) => (
        <button
          key={option.key}
          type="button"
          className={cx('segmented__option', view === option.key && 'segmented__option--selected')}
          aria-pressed={view === option.key}
          onClick={() => {
            onChange(option.key);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
