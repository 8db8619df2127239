/** A yes/no question before something that cannot be undone, with room for the error. */
import type { ReactNode, SubmitEvent } from 'react';
import { FormError } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  destructive?: boolean;
  busy?: boolean;
  confirmDisabled?: boolean;
  error?: unknown;
  children?: ReactNode;
}

export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  destructive = false,
  busy = false,
  confirmDisabled = false,
  error,
  children,
}: ConfirmDialogProps) {
  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmDisabled && !busy) onConfirm();
  }

  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <form className="stack" onSubmit={handleSubmit} noValidate>
        {children}
        <FormError error={error} />
        <div className="dialog__actions">
          <Button onClick={onClose}>{cancelLabel}</Button>
          <Button type="submit" variant={destructive ? 'danger' : 'primary'} busy={busy} disabled={confirmDisabled}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
