/** Asks for a map's title: creating, renaming and duplicating a map share this form. */
import { useState, type SubmitEvent } from 'react';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { Button, Dialog, FormError, TextField } from '../../../ui';

interface MapTitleDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  initialTitle: string;
  busy: boolean;
  error: unknown;
  onSubmit: (title: string) => void;
  onClose: () => void;
}

export function MapTitleDialog({ open, title, submitLabel, initialTitle, busy, error, onSubmit, onClose }: MapTitleDialogProps) {
  const [value, setValue] = useState(initialTitle);
  const [empty, setEmpty] = useState(false);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = value.trim();
    setEmpty(trimmed === '');
    if (trimmed !== '') onSubmit(trimmed);
  }

  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <form className="stack" onSubmit={handleSubmit} noValidate aria-label={title}>
        <TextField
          label="Title"
          value={value}
          autoFocus
          maxLength={200}
          onChange={(event) => setValue(event.target.value)}
          error={empty ? 'Give the map a title.' : fieldErrorsFrom(error).title}
        />
        <FormError error={error} />
        <div className="dialog__actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
