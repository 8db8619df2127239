/**
 * A modal built on the native <dialog>: the browser traps focus, closes on Escape and makes
 * the rest of the page inert, which is more robust than re-implementing those by hand.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cx } from './cx';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}

export function Dialog({ open, onClose, title, description, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={cx('dialog', className)}
      aria-labelledby={titleId}
      aria-describedby={description !== undefined ? descriptionId : undefined}
      onClose={onClose}
      onCancel={(event) => {
        // Let the parent own the state: it closes the dialog by setting open=false.
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="dialog__content">
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          {description !== undefined && (
            <div className="dialog__description" id={descriptionId}>
              {description}
            </div>
          )}
          {children}
        </div>
      )}
    </dialog>
  );
}
