/**
 * A button that shows a small panel of help or options next to it. A disclosure, not a
 * dialog: the page stays usable, Escape or a click elsewhere closes it, focus returns.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cx } from './cx';

export interface PopoverProps {
  /** Accessible name of the panel. */
  label: string;
  buttonLabel: ReactNode;
  buttonClassName?: string;
  align?: 'start' | 'end';
  children: ReactNode;
}

export function Popover({ label, buttonLabel, buttonClassName, align = 'start', children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function handlePointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    }
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.preventDefault();
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [open]);

  return (
    <div className="popover" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={cx('btn', 'btn--ghost', 'btn--sm', buttonClassName)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        {buttonLabel}
      </button>
      <div id={panelId} className={cx('popover__panel', align === 'end' && 'popover__panel--end')} role="region" aria-label={label} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
